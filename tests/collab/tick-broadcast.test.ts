/**
 * Updates a room accepts in the same event-loop turn reach each member as ONE merged frame,
 * not one frame per update (architecture.md pitfalls; Hocuspocus PR #1130).
 */
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import WebSocket from "ws";
import * as Y from "yjs";
import { MESSAGE_SYNC, roomName } from "~/editor/collab-protocol";
import { eventually } from "../helpers/child-node";
import { fragmentText, sessionCookieFor, startCollab, type RunningCollab } from "../helpers/collab";
import { createDraftSetup } from "../helpers/factories";

let server: RunningCollab;
beforeAll(async () => {
  server = await startCollab();
});
afterAll(() => server.stop());

it("sends the updates of one turn to each member as one merged frame", async () => {
  const { staff, draft } = await createDraftSetup();
  const socket = new WebSocket(`${server.url}/${roomName(draft.id)}`, {
    headers: { Origin: server.origin, Cookie: await sessionCookieFor(staff.id) },
  });
  const updateFrames: Uint8Array[] = [];
  socket.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    if (decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate)
      updateFrames.push(decoding.readVarUint8Array(decoder));
  });
  await new Promise<void>((resolve) => socket.once("message", () => resolve()));
  const room = await server.collab.rooms.get(draft.id)!;
  const initial = Y.encodeStateAsUpdate(room.doc);

  // Three other editors' updates accepted in the same turn.
  for (const words of ["one", "two", "three"]) {
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(room.doc));
    const before = Y.encodeStateVector(editor);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(words)]);
    editor.getXmlFragment("default").push([paragraph]);
    Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(editor, before), `editor ${words}`);
  }

  await eventually("the frame arrives", () => updateFrames.length > 0);
  // Give a second frame, if the server sent one, time to arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(updateFrames).toHaveLength(1);
  const seen = new Y.Doc();
  Y.applyUpdate(seen, initial);
  Y.applyUpdate(seen, updateFrames[0]!);
  expect(fragmentText(seen)).toContain("one");
  expect(fragmentText(seen)).toContain("two");
  expect(fragmentText(seen)).toContain("three");
  socket.close();
});
