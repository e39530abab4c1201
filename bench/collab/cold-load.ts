/**
 * Cold load of the big draft from the database (ours only: the reference keeps documents in
 * memory and has nothing to load) while another draft is being edited on the same server,
 * then warm opens of the same draft for comparison.
 */
import { roomName } from "../../app/editor/collab-protocol";
import { inLoadProcess } from "../lib/processes";
import type { ColdLoadOptions, ColdLoadResult } from "../load/cold-load";
import type { BenchContext } from "./context";

export type ColdLoadRow = ColdLoadResult & { bytes: number; warm: number[] };

export async function coldLoadScenario(context: BenchContext): Promise<ColdLoadRow> {
  const ours = context.servers.ours;
  const big = { url: ours.url, room: roomName(context.setup.bigDraft), headers: context.headersFor(ours) };
  const options: ColdLoadOptions = {
    big,
    // The server under test unloads idle drafts after 50 ms (UNLOAD_AFTER_MS in bench/run.ts).
    pauseMs: 600,
    background: {
      urls: [ours.url],
      rooms: context.freshRooms(1),
      headers: { Cookie: context.setup.cookie },
      clientsPerRoom: 10,
      typistsPerRoom: 5,
      probesPerRoom: 3,
      rate: 5,
      measureMs: context.quick ? 4000 : 15000,
    },
  };
  const result = await inLoadProcess<ColdLoadResult>({ type: "cold", options }, ours.reset);
  const warm = await inLoadProcess<number[]>({
    type: "sync",
    endpoint: big,
    times: context.quick ? 3 : 10,
    pauseMs: 0,
  });
  console.log(
    `cold load: ${result.loads.map((ms) => ms.toFixed(0)).join(", ")} ms; warm ${warm.map((ms) => ms.toFixed(0)).join(", ")} ms`,
  );
  return { ...result, bytes: context.setup.bigBytes, warm };
}
