import { connect } from "node:net";
import fc from "fast-check";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_SYNC, roomName } from "~/editor/collab-protocol";
import { loadDocument } from "~/models/documents/document-log.server";
import { databaseStore } from "../../collab/room";
import { openRaw, paragraphUpdate, storedHash, syncFrame } from "../helpers/collab-frames";
import {
  connectClient,
  fragmentText,
  sessionCookieFor,
  startCollab,
  typeParagraph,
  waitForSync,
  type RunningCollab,
  type TestClient,
} from "../helpers/collab";
import { createDraftSetup } from "../helpers/factories";

/**
 * Security table, row 9: fuzzing the collab server with an editor's own cookie (the most trusted
 * kind of connection). `npm test` runs a few dozen cases; `npm run fuzz` (FUZZ_RUNS=…)
 * runs as many as asked.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const REFUSED = [CLOSE.MALFORMED, CLOSE.TOO_LARGE, CLOSE.OVERLOADED];

const varUint = (value: number) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, value);
  return encoding.toUint8Array(encoder);
};
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) out.set(part, (at += part.length) - part.length);
  return out;
};
const VALID_UPDATE = paragraphUpdate("Հոդված 1. valid text to corrupt");

/** The kinds of hostile frames the issue names, each a fast-check generator. */
const hostileFrame = fc.oneof(
  // random bytes
  fc.uint8Array({ maxLength: 512 }),
  // a message or sync type whose varint never ends
  fc
    .array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 12 })
    .chain((varint) =>
      fc.constantFrom(new Uint8Array(varint), concat(new Uint8Array([MESSAGE_SYNC]), new Uint8Array(varint))),
    ),
  // a payload length far beyond the frame (up to 2^53)
  fc
    .tuple(
      fc.constantFrom(MESSAGE_SYNC, MESSAGE_AWARENESS),
      fc.constantFrom(0, 1, 2),
      fc.integer({ min: 600, max: Number.MAX_SAFE_INTEGER }),
      fc.uint8Array({ maxLength: 64 }),
    )
    .map(([type, sync, length, rest]) =>
      concat(varUint(type), type === MESSAGE_SYNC ? varUint(sync) : new Uint8Array(), varUint(length), rest),
    ),
  // a well-formed frame around a corrupted Yjs update (bytes flipped, cut short, inserted)
  fc
    .tuple(
      fc.constantFrom(syncProtocol.messageYjsUpdate, syncProtocol.messageYjsSyncStep2),
      fc.array(fc.tuple(fc.nat(VALID_UPDATE.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
      fc.nat(VALID_UPDATE.length),
      fc.uint8Array({ maxLength: 16 }),
    )
    .map(([sync, flips, cut, inserted]) => {
      const update = VALID_UPDATE.slice();
      for (const [at, value] of flips) update[at] = value;
      return syncFrame(sync, concat(update.subarray(0, cut), inserted, update.subarray(cut)));
    }),
  // awareness with junk inside a valid frame
  fc.uint8Array({ maxLength: 128 }).map((junk) => concat(varUint(MESSAGE_AWARENESS), varUint(junk.length), junk)),
);

let server: RunningCollab;
const clients: TestClient[] = [];
let editorCookie: string;
let target: string;
let neighbour: { draftId: string; client: TestClient; hash: string };
let untouched: { draftId: string; hash: string };

beforeAll(async () => {
  server = await startCollab();
  const fuzzed = await createDraftSetup();
  target = fuzzed.draft.id;
  editorCookie = await sessionCookieFor(fuzzed.staff.id);
  // A document being edited next door, and one that is only stored.
  const open = await createDraftSetup();
  const client = connectClient(server, open.draft.id, await sessionCookieFor(open.staff.id));
  clients.push(client);
  await waitForSync(client);
  typeParagraph(client, "neighbour text");
  await vi.waitFor(() => expect(client.saved()).toBe(true));
  neighbour = { draftId: open.draft.id, client, hash: await storedHash(open.draft.id) };
  const stored = await createDraftSetup();
  untouched = { draftId: stored.draft.id, hash: await storedHash(stored.draft.id) };
});

afterAll(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await server.stop();
});

/** Sends the frames on one editor socket; it must end closed with a refusal, or still answer. */
async function survives(frames: Uint8Array[]): Promise<boolean> {
  const socket = openRaw(server, target, { Cookie: editorCookie });
  if (!(await socket.opened)) return false;
  for (const frame of frames) if (socket.ws.readyState === socket.ws.OPEN) socket.ws.send(frame);
  const answered = await socket.roundTrip();
  socket.ws.close();
  if (answered) return true;
  return REFUSED.includes((await socket.closed) as (typeof REFUSED)[number]);
}

describe("fuzzing the collab server", () => {
  it(`closes or shrugs off ${RUNS} runs of hostile frames`, { timeout: 30_000 + RUNS * 500 }, async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    await fc.assert(fc.asyncProperty(fc.array(hostileFrame, { minLength: 1, maxLength: 4 }), survives), {
      numRuns: RUNS,
    });
    // Every hostile socket is gone; only the neighbour's client remains.
    await expect.poll(() => server.collab.connections.size).toBe(1);
    // Memory held per document, not per message: the heap has not grown with the cases.
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    expect(grownMb).toBeLessThan(200);
  });

  it("closes a 10 MB frame with 1009 and never buffers it", async () => {
    const socket = openRaw(server, target, { Cookie: editorCookie });
    expect(await socket.opened).toBe(true);
    socket.ws.send(new Uint8Array(10 * 1024 * 1024));
    expect(await socket.closed).toBe(CLOSE.TOO_LARGE);
  });

  it("reads nothing of 1,000 messages sent before authentication", async () => {
    // One TCP write: an upgrade without a cookie, followed at once by 1,000 frames.
    const frame = Buffer.from([0x82, 0x03, 0x00, 0x02, 0x00]); // unmasked binary [0,2,0]
    const request = `GET /collab/${roomName(target)} HTTP/1.1\r\nHost: ${new URL(server.origin).host}\r\nOrigin: ${server.origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
    const url = new URL(server.origin);
    const reply = await new Promise<string>((resolve) => {
      let text = "";
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(Buffer.concat([Buffer.from(request), ...Array.from({ length: 1000 }, () => frame)]));
      });
      socket.on("data", (chunk) => (text += chunk.toString("latin1")));
      socket.on("close", () => resolve(text));
      socket.on("error", () => undefined);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 401 /);
    expect(reply).not.toContain("101 Switching Protocols");
  });

  it("closes a connection sending 1,000 messages before its document has loaded", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = await startCollab({
      store: { ...databaseStore, loadDocument: async (id) => (await held, databaseStore.loadDocument(id)) },
    });
    try {
      const socket = openRaw(slow, target, { Cookie: editorCookie });
      expect(await socket.opened).toBe(true);
      for (let i = 0; i < 1000; i++) socket.ws.send(syncFrame(syncProtocol.messageYjsUpdate, VALID_UPDATE));
      expect(await socket.closed).toBe(CLOSE.OVERLOADED);
    } finally {
      release();
      await slow.stop();
    }
  });

  it("leaves the other documents, the stored state and the fuzzed document itself intact", async () => {
    expect(await storedHash(untouched.draftId)).toBe(untouched.hash);
    expect(await storedHash(neighbour.draftId)).toBe(neighbour.hash);
    expect(neighbour.client.provider.wsconnected).toBe(true);
    typeParagraph(neighbour.client, "still editing after the fuzzing");
    await expect.poll(() => neighbour.client.saved()).toBe(true);
    const { doc } = await loadDocument(neighbour.draftId);
    expect(fragmentText(doc).trim()).toBe("neighbour text\nstill editing after the fuzzing");
    // Whatever the fuzzer managed to store in its own document still loads and syncs.
    await loadDocument(target);
    const fresh = connectClient(server, target, editorCookie);
    clients.push(fresh);
    await waitForSync(fresh);
    typeParagraph(fresh, "the fuzzed document still works");
    await expect.poll(() => fresh.saved()).toBe(true);
  });
});
