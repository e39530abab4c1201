/** Awareness merging and memory per idle connection, ours and the reference in the same run. */
import type { AwarenessResult } from "../load";
import { inLoadProcess, type ServerStats } from "../lib/processes";
import { KINDS, type BenchContext } from "./context";

export type AwarenessRow = { kind: string; result: AwarenessResult; stats: ServerStats };
export type IdleRow = { kind: string; heapKbPerConnection: number; rssKbPerConnection: number };

/** 50 users moving their cursors at 10 Hz: awareness frames received per second by all clients. */
export async function awarenessScenario(context: BenchContext): Promise<AwarenessRow[]> {
  const rows: AwarenessRow[] = [];
  for (const kind of KINDS) {
    const server = context.servers[kind];
    const options = {
      url: server.url,
      room: context.freshRooms(1)[0]!,
      headers: context.headersFor(server),
      clients: 50,
      rate: 10,
      measureMs: context.measureMs,
    };
    const result = await inLoadProcess<AwarenessResult>({ type: "awareness", options }, server.reset);
    rows.push({ kind, result, stats: await server.stats() });
    console.log(`awareness ${kind}: ${result.framesPerSecond.toFixed(0)} frames/s received`);
  }
  return rows;
}

/** Heap (after GC) and RSS with N idle clients on one draft, minus with one client. */
export async function idleScenario(context: BenchContext): Promise<IdleRow[]> {
  const clients = context.quick ? 100 : 1000;
  const rows: IdleRow[] = [];
  for (const kind of KINDS) {
    const server = context.servers[kind];
    const options = { url: server.url, room: context.freshRooms(1)[0]!, headers: context.headersFor(server), clients };
    // One connection first, so the document itself is not counted per connection.
    await inLoadProcess({ type: "idle", options: { ...options, clients: 1 } });
    const before = await server.stats();
    let during = before;
    await inLoadProcess({ type: "idle", options }, async () => {
      during = await server.stats();
    });
    rows.push({
      kind,
      heapKbPerConnection: ((during.heapMb - before.heapMb) * 1024) / clients,
      rssKbPerConnection: ((during.rssMb - before.rssMb) * 1024) / clients,
    });
  }
  return rows;
}
