import { monitorEventLoopDelay } from "node:perf_hooks";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_SYNC } from "~/editor/collab-protocol";
import { appendUpdate } from "~/models/documents/document-log.server";
import { shareDraft } from "~/models/drafts/drafts.server";
import { DEFAULT_COLLAB_CONFIG } from "../../collab/config";
import { openRaw, syncFrame, type RawSocket } from "../helpers/collab-frames";
import { sessionCookieFor, startCollab } from "../helpers/collab";
import { collabServerForFile } from "../helpers/collab-test-server";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

/**
 * A comment-only participant may not use the collab protocol to stall the server or to
 * make every joiner download megabytes: awareness is bounded per state, per connection and
 * in rate; sync requests are answered one at a time, within an allowance, and the answer
 * for a new joiner is encoded once per revision of the draft.
 */
const { server } = collabServerForFile();

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/** A draft with its owner's cookie and a commenter's. */
async function draftWithCommenter() {
  const { staff, draft } = await createDraftSetup();
  const ngo = await createOrganization("NGO");
  const commenter = await createUser();
  await addMember(commenter.id, ngo.id);
  await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "COMMENT");
  return {
    draftId: draft.id,
    editorCookie: await sessionCookieFor(staff.id),
    commenterCookie: await sessionCookieFor(commenter.id),
  };
}

/** An awareness frame setting these states (clientId → state, a JSON value). */
function awarenessFrame(states: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, states.length);
  for (const { clientId, clock, state } of states) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

const messageType = (message: Uint8Array) => decoding.readVarUint(decoding.createDecoder(message));
const isSyncStep2 = (message: Uint8Array) => {
  const decoder = decoding.createDecoder(message);
  return (
    decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2
  );
};

/** The presence a person joining now receives with the join (the room's current states), in bytes. */
async function awarenessBytesForJoiner(draftId: string, cookie: string): Promise<number> {
  const joiner = openRaw(server, draftId, { Cookie: cookie });
  expect(await joiner.opened).toBe(true);
  expect(await joiner.roundTrip()).toBe(true);
  joiner.ws.close();
  // The room sends its states right after its SyncStep1: the first presence message.
  // (Later ones are the room's broadcasts of changes, merged per 50 ms.)
  return joiner.received.find((m) => messageType(m) === MESSAGE_AWARENESS)?.length ?? 0;
}

async function openedAs(draftId: string, cookie: string): Promise<RawSocket> {
  const socket = openRaw(server, draftId, { Cookie: cookie });
  expect(await socket.opened).toBe(true);
  expect(await socket.roundTrip()).toBe(true);
  return socket;
}

describe("awareness cannot be used to flood joiners", () => {
  it("closes a connection sending a 1.5 MB awareness state (1009); joiners never receive it", async () => {
    const { draftId, editorCookie, commenterCookie } = await draftWithCommenter();
    const socket = await openedAs(draftId, commenterCookie);
    const huge = { user: { name: "x" }, cursor: "y".repeat(1.5 * 1024 * 1024) };
    for (let i = 0; i < 20; i++) {
      if (socket.ws.readyState === socket.ws.OPEN)
        socket.ws.send(awarenessFrame([{ clientId: 1000 + i, clock: 1, state: huge }]));
    }
    expect(await socket.closed).toBe(CLOSE.TOO_LARGE);
    expect(await awarenessBytesForJoiner(draftId, editorCookie)).toBeLessThan(1024);
  });

  it("closes a connection claiming more than 4 client ids (4429); none of its states is shown", async () => {
    const { draftId, editorCookie, commenterCookie } = await draftWithCommenter();
    const socket = await openedAs(draftId, commenterCookie);
    const states = Array.from({ length: 20 }, (_, i) => ({ clientId: 2000 + i, clock: 1, state: { user: {} } }));
    socket.ws.send(awarenessFrame(states));
    expect(await socket.closed).toBe(CLOSE.OVERLOADED);
    const room = await server.collab.rooms.get(draftId);
    expect([...room!.awareness.getStates().keys()].filter((id) => id >= 2000)).toEqual([]);
    expect(await awarenessBytesForJoiner(draftId, editorCookie)).toBeLessThan(1024);
  });

  it("a joiner receives at most connections × 4 ids × 8 KB, whatever each connection sends", async () => {
    const { draftId, editorCookie, commenterCookie } = await draftWithCommenter();
    const connections = 3;
    const { maxAwarenessClientsPerConnection: ids, maxAwarenessStateBytes: bytes } = DEFAULT_COLLAB_CONFIG;
    const sockets: RawSocket[] = [];
    for (let c = 0; c < connections; c++) {
      const socket = await openedAs(draftId, commenterCookie);
      sockets.push(socket);
      // The largest states allowed, for as many ids as allowed, sent again and again.
      const states = Array.from({ length: ids }, (_, i) => ({
        clientId: 3000 + c * 10 + i,
        clock: 1,
        state: { cursor: "z".repeat(bytes - 40) },
      }));
      for (let round = 0; round < 5; round++) {
        socket.ws.send(awarenessFrame(states.map((s) => ({ ...s, clock: round + 1 }))));
      }
      expect(await socket.roundTrip()).toBe(true);
    }
    const room = await server.collab.rooms.get(draftId);
    await expect.poll(() => room!.awareness.getStates().size).toBe(connections * ids);
    const received = await awarenessBytesForJoiner(draftId, editorCookie);
    // The server stamps each state with the person's id and name: a few dozen bytes more.
    const stamp = 200;
    expect(received).toBeGreaterThan(connections * ids * (bytes - 40));
    expect(received).toBeLessThanOrEqual(connections * ids * (bytes + stamp));
    sockets.forEach((s) => s.ws.close());
  });

  it("merges a flood of 1,000 caret moves into a few applied updates, the latest state winning", async () => {
    const { draftId, commenterCookie } = await draftWithCommenter();
    const socket = await openedAs(draftId, commenterCookie);
    const room = (await server.collab.rooms.get(draftId))!;
    let applied = 0;
    const count = ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(4242)) applied++;
    };
    room.awareness.on("update", count);
    const started = performance.now();
    for (let clock = 1; clock <= 1000; clock++) {
      socket.ws.send(awarenessFrame([{ clientId: 4242, clock, state: { cursor: { head: clock } } }]));
    }
    expect(await socket.roundTrip()).toBe(true);
    const state = () => room.awareness.getStates().get(4242) as { cursor?: { head: number } } | undefined;
    await expect.poll(() => state()?.cursor?.head).toBe(1000);
    const elapsed = performance.now() - started;
    room.awareness.off("update", count);
    // At most one apply per interval, whatever the machine's speed (plus the first at once).
    expect(applied).toBeLessThanOrEqual(Math.ceil(elapsed / DEFAULT_COLLAB_CONFIG.awarenessIntervalMs) + 1);
    expect(applied).toBeLessThan(1000);
    socket.ws.close();
  });
});

describe("sync requests cannot be used to make the server encode without bound", () => {
  let big: { draftId: string; editorCookie: string; commenterCookie: string };
  let stateBytes: number;
  beforeAll(async () => {
    big = await draftWithCommenter();
    // About 1.6 MB of text: 3,200 paragraphs of 500 characters.
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("default");
    doc.transact(() => {
      for (let i = 0; i < 3200; i++) {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(`Հոդված ${i}. ${"ա".repeat(240)}`)]);
        fragment.insert(fragment.length, [paragraph]);
      }
    });
    const update = Y.encodeStateAsUpdate(doc);
    await appendUpdate(big.draftId, update);
    doc.destroy();
    stateBytes = update.length;
  });

  it("closes a commenter's 200 empty SyncStep1 frames with 4429 after at most a burst of answers", async () => {
    const socket = await openedAs(big.draftId, big.commenterCookie);
    const answersBefore = socket.received.filter(isSyncStep2).length;
    const room = (await server.collab.rooms.get(big.draftId))!;
    const encodesBefore = room.fullStateEncodes;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const frame = syncFrame(syncProtocol.messageYjsSyncStep1, EMPTY_STATE_VECTOR);
    for (let i = 0; i < 200; i++) socket.ws.send(frame);
    expect(await socket.closed).toBe(CLOSE.OVERLOADED);
    delay.disable();
    const answers = socket.received.filter(isSyncStep2).slice(answersBefore);
    const bytesSent = answers.reduce((n, m) => n + m.length, 0);
    expect(answers.length).toBeLessThanOrEqual(DEFAULT_COLLAB_CONFIG.syncRequestBurst);
    // Answered from the cached encoding: the flood cost no new whole-draft encode.
    expect(room.fullStateEncodes - encodesBefore).toBe(0);
    console.log(
      `sync flood: draft ${(stateBytes / 1e6).toFixed(2)} MB, 200 requests, ${answers.length} answers, ` +
        `${(bytesSent / 1e6).toFixed(1)} MB sent, ${room.fullStateEncodes - encodesBefore} new encodes, ` +
        `event-loop delay max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`,
    );
  });

  it("merges requests arriving while an answer is being written: 200 requests, a few answers, the last one answered", async () => {
    const generous = await startCollab({ syncRequestBurst: 1000 });
    try {
      const socket = openRaw(generous, big.draftId, { Cookie: big.commenterCookie });
      expect(await socket.opened).toBe(true);
      expect(await socket.roundTrip()).toBe(true);
      const connection = [...generous.collab.connections].find((c) => c.draftId === big.draftId)!;
      await expect.poll(() => connection.syncAnswers.idle).toBe(true);
      const before = connection.syncAnswers.answered;
      const frame = syncFrame(syncProtocol.messageYjsSyncStep1, EMPTY_STATE_VECTOR);
      for (let i = 0; i < 200; i++) socket.ws.send(frame);
      // Every request was taken (the server answered at least once more) and nothing waits.
      await expect.poll(() => connection.syncAnswers.answered > before && connection.syncAnswers.idle).toBe(true);
      const answers = connection.syncAnswers.answered - before;
      expect(answers).toBeLessThan(50);
      // The connection is fine, and the client got every answer the server wrote.
      expect(socket.ws.readyState).toBe(socket.ws.OPEN);
      // Both sides read live: frames still in flight when the poll above passed may be answered since.
      await expect
        .poll(
          () =>
            connection.syncAnswers.idle &&
            socket.received.filter(isSyncStep2).length === connection.syncAnswers.answered,
        )
        .toBe(true);
      console.log(`sync merge: 200 requests, ${answers} answers`);
      socket.ws.close();
    } finally {
      await generous.stop();
    }
  });

  it("answers joiners of a draft opened from its snapshot with the stored bytes, and encodes only after it changed", async () => {
    const { draftId, editorCookie } = big;
    // The room unloaded after the tests before (its log folded into the snapshot): the first
    // joiner loads it and gets the snapshot itself, the whole draft, with no encode.
    const joiners: RawSocket[] = [await openedAs(draftId, editorCookie)];
    const room = (await server.collab.rooms.get(draftId))!;
    for (let i = 0; i < 4; i++) joiners.push(await openedAs(draftId, editorCookie));
    expect(room.fullStateEncodes).toBe(0);
    const first = new Y.Doc();
    Y.applyUpdate(first, syncStep2Update(joiners[0]!.received.filter(isSyncStep2).at(-1)!));
    expect(first.getXmlFragment("default").toString()).toBe(room.doc.getXmlFragment("default").toString());
    first.destroy();
    // An edit makes the cached answer stale: the next joiner gets the new text.
    const editor = joiners[0]!;
    const lengthBefore = room.doc.getXmlFragment("default").length;
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("after the cache")]);
    doc.getXmlFragment("default").insert(0, [paragraph]);
    editor.ws.send(syncFrame(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(doc)));
    await expect.poll(() => room.doc.getXmlFragment("default").length).toBe(lengthBefore + 1);
    const late = await openedAs(draftId, editorCookie);
    const received = new Y.Doc();
    Y.applyUpdate(received, syncStep2Update(late.received.filter(isSyncStep2).at(-1)!));
    expect(
      received
        .getXmlFragment("default")
        .toArray()
        .some((n) => n.toString().includes("after the cache")),
    ).toBe(true);
    expect(room.fullStateEncodes).toBe(1);
    [...joiners, late].forEach((s) => s.ws.close());
    received.destroy();
    doc.destroy();
  });
});

/** The Yjs update a SyncStep2 frame carries. */
function syncStep2Update(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}
