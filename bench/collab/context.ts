import { roomName } from "../../app/editor/collab-protocol";
import type { BenchServer } from "../lib/processes";
import type { prepareBenchDatabase } from "../setup";

/** What every collab scenario needs: the database fixture, the servers, fresh drafts. */
export type BenchContext = {
  quick: boolean;
  measureMs: number;
  setup: Awaited<ReturnType<typeof prepareBenchDatabase>>;
  /** Environment of every server we start (DATABASE_URL, …). */
  env: Record<string, string>;
  servers: { ours: BenchServer; reference: BenchServer; hocuspocus: BenchServer };
  /** Rooms of drafts no earlier scenario touched (each scenario starts from empty documents). */
  freshRooms(count: number): string[];
  /** The session cookie and the Origin a browser on that server's page would send. */
  headersFor(server: BenchServer): Record<string, string>;
};

/** Ours and the two peers, in the order every shared scenario runs them. */
export const KINDS = ["ours", "reference", "hocuspocus"] as const;

export function createContext(base: Omit<BenchContext, "freshRooms" | "headersFor">): BenchContext {
  let next = 0;
  return {
    ...base,
    freshRooms(count) {
      const drafts = base.setup.drafts.slice(next, next + count);
      if (drafts.length < count) throw new Error(`the bench database has too few drafts (${base.setup.drafts.length})`);
      next += count;
      return drafts.map(roomName);
    },
    headersFor: (server) => ({ Origin: `http://127.0.0.1:${server.port}`, Cookie: base.setup.cookie }),
  };
}
