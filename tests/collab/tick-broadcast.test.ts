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
import { fragmentText, sessionCookieFor } from "../helpers/collab";
import { collabServerForFile } from "../helpers/collab-test-server";
import { createDraftSetup } from "../helpers/factories";
import { TickBroadcast } from "../../collab/tick-broadcast";

const { server } = collabServerForFile();

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

describe("one frame per turn, whoever sent", () => {
  /** A member that keeps what it is sent (the room's side of a connection). */
  const member = () => ({
    frames: [] as Uint8Array[],
    send(frame: Uint8Array) {
      this.frames.push(frame);
    },
  });
  const edit = (text: string) => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, text);
    return Y.encodeStateAsUpdate(doc);
  };
  const textOf = (frames: Uint8Array[]) => {
    const doc = new Y.Doc();
    for (const frame of frames) {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    }
    return doc.getText("t").toString();
  };

  it("spares a lone sender its own update", () => {
    const [a, b] = [member(), member()];
    const broadcast = new TickBroadcast(() => [a, b]);
    broadcast.add(edit("x"), a);
    broadcast.flush();
    expect(a.frames).toHaveLength(0);
    expect(b.frames).toHaveLength(1);
  });

  it("sends everyone, senders included, the same single frame when several people typed", () => {
    const [a, b, c] = [member(), member(), member()];
    const broadcast = new TickBroadcast(() => [a, b, c]);
    broadcast.add(edit("from a"), a);
    broadcast.add(edit("from b"), b);
    broadcast.flush();
    for (const m of [a, b, c]) expect(m.frames).toHaveLength(1);
    expect(a.frames[0]).toBe(c.frames[0]);
    expect(textOf(c.frames)).toContain("from a");
    expect(textOf(c.frames)).toContain("from b");
  });
});
