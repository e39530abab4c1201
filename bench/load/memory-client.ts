/**
 * Load process of the memory scenarios, one job per process:
 * - "hold": one client on a draft, held while the orchestrator reads the server's heap. With
 *   `seedBig` the client's own document holds the 300-article draft and sends it (the
 *   reference has no database, and Hocuspocus's starts empty); a second client then checks
 *   the server has all of it.
 * - "write-then-leave": one client types, waits for the saved-notice covering its changes,
 *   disconnects and signals the orchestrator (which then waits for the draft to unload).
 * - "soak": clients keep connecting to a few drafts, typing a little and leaving.
 */
import * as Y from "yjs";
import { jsonToYUpdate } from "../../app/editor/yjs-document";
import { bigDocument } from "../setup";
import { openClient, openPeerClient, ownClock, sleep, type ClientOptions } from "./provider-clients";
import { exitWithOrchestrator, measureStart } from "./fork";

export type HoldJob = { type: "hold"; client: ClientOptions; seedBig: boolean };
export type WriteThenLeaveJob = { type: "write-then-leave"; client: ClientOptions; updates: number };
export type SoakJob = {
  type: "soak";
  url: string;
  rooms: string[];
  headers: Record<string, string>;
  /** Clients connected at any time, spread evenly over the rooms. */
  concurrency: number;
  durationMs: number;
};
export type SoakResult = { sessions: number; updates: number };

async function hold({ client: options, seedBig }: HoldJob): Promise<null> {
  const doc = new Y.Doc();
  if (seedBig) Y.applyUpdate(doc, jsonToYUpdate(bigDocument(300)));
  const client = await openPeerClient(options, { doc });
  await client.synced();
  if (seedBig) {
    // "synced" only says the server's state reached us; wait until ours reached the server.
    const probe = await openPeerClient(options);
    await probe.synced();
    const want = Y.decodeStateVector(Y.encodeStateVector(doc));
    const has = () => [...want].every(([client, clock]) => Y.getState(probe.doc.store, client) >= clock);
    while (!has()) await sleep(20);
    probe.close();
  }
  await sleep(300);
  await measureStart();
  client.close();
  return null;
}

async function writeThenLeave({ client: options, updates }: WriteThenLeaveJob): Promise<null> {
  let saved = 0;
  const client = openClient(options, { onSaved: (vector) => (saved = vector.get(client.doc.clientID) ?? 0) });
  await client.synced();
  const text = client.doc.getText("body");
  for (let i = 0; i < updates; i++) {
    text.insert(text.length, "ա");
    await sleep(200);
  }
  while (saved < ownClock(client.doc)) await sleep(5);
  client.close();
  // The orchestrator starts its clock now: the last saved-notice has just arrived.
  await measureStart();
  return null;
}

/**
 * Each slot is one person on one draft coming back again and again: connect, type five
 * characters at 5 a second, delete them, leave, pause up to 2 s (longer than the soak
 * server's unload delay half the time). The person keeps their Y.Doc, as a browser tab that
 * reconnects does, so the drafts barely grow (deleted runs of one client merge) and the
 * heap measures the server's connections and rooms, not the documents' history.
 */
async function soak(job: SoakJob): Promise<SoakResult> {
  const end = performance.now() + job.durationMs;
  let sessions = 0;
  let updates = 0;
  const firstSyncs: Promise<void>[] = [];
  const slot = async (index: number, firstSync: () => void) => {
    const doc = new Y.Doc();
    const options = { url: job.url, room: job.rooms[index % job.rooms.length]!, headers: job.headers };
    while (performance.now() < end) {
      const client = openClient(options, { doc });
      await client.synced();
      firstSync();
      const text = doc.getText("body");
      const at = text.length;
      for (let i = 0; i < 5; i++) {
        text.insert(at + i, "բ");
        await sleep(200);
      }
      text.delete(at, 5);
      updates += 6;
      await sleep(100);
      client.disconnect();
      sessions++;
      await sleep(Math.random() * 2000);
    }
    doc.destroy();
  };
  const slots = Array.from({ length: job.concurrency }, (_, index) => {
    let synced!: () => void;
    firstSyncs.push(new Promise<void>((resolve) => (synced = resolve)));
    return slot(index, synced);
  });
  // The orchestrator's warm-up and samples count from when every slot is in its first session.
  await Promise.all(firstSyncs);
  await measureStart();
  await Promise.all(slots);
  return { sessions, updates };
}

if (process.send) {
  exitWithOrchestrator();
  process.once("message", async (job: HoldJob | WriteThenLeaveJob | SoakJob) => {
    const result =
      job.type === "hold"
        ? await hold(job)
        : job.type === "write-then-leave"
          ? await writeThenLeave(job)
          : await soak(job);
    process.send!({ type: "result", result });
    process.exit(0);
  });
}
