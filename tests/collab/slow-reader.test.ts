/**
 * A client that stops reading must not make the server buffer without bound (architecture.md,
 * pitfalls): once its unsent backlog passes 2 MiB it is dropped, and everyone else goes on.
 */
import WebSocket from "ws";
import { CLOSE, roomName } from "~/editor/collab-protocol";
import { DEFAULT_COLLAB_CONFIG } from "../../collab/config";
import { eventually } from "../helpers/child-node";
import { sessionCookieFor, typeParagraph, waitForSync } from "../helpers/collab";
import { collabServerForFile } from "../helpers/collab-test-server";
import { createDraftSetup } from "../helpers/factories";

const { server, connect } = collabServerForFile();

it("drops a client that stops reading at 2 MiB of backlog, and the others go on", async () => {
  expect(DEFAULT_COLLAB_CONFIG.maxBufferedBytes).toBeLessThanOrEqual(2 * 1024 * 1024);
  const { staff, draft } = await createDraftSetup();
  const cookie = await sessionCookieFor(staff.id);

  // A raw client that takes the first message (it has joined the room), then stops reading.
  const stalled = new WebSocket(`${server.url}/${roomName(draft.id)}`, {
    headers: { Origin: server.origin, Cookie: cookie },
  });
  let closeCode: number | null = null;
  stalled.on("close", (code) => (closeCode = code));
  stalled.on("error", () => undefined);
  await new Promise<void>((resolve) => stalled.once("message", () => resolve()));
  stalled.pause();
  // The server's side of it (the first connection of this server).
  const stalledOnServer = [...server.collab.connections][0]!;

  const writer = connect(server, draft.id, cookie);
  const reader = connect(server, draft.id, cookie);
  await Promise.all([waitForSync(writer), waitForSync(reader)]);

  // 512 KiB per update; kernel socket buffers absorb the first few MiB before the server's own backlog grows.
  const chunk = "a".repeat(512 * 1024);
  let sent = 0;
  while (!stalledOnServer.isClosed && sent < 40) {
    typeParagraph(writer, chunk);
    sent++;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(stalledOnServer.isClosed).toBe(true);
  // The close frame waits behind the backlog: reading again, the client gets to it.
  stalled.resume();
  await eventually("the stalled client sees the close", () => closeCode !== null);
  expect(closeCode).toBe(CLOSE.OVERLOADED);

  typeParagraph(writer, "after the drop");
  await eventually("the reader has everything", () => reader.text() === writer.text());
  expect(writer.closeCodes).toEqual([]);
  expect(reader.closeCodes).toEqual([]);
});
