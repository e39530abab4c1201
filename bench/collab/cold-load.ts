/**
 * Cold load of the big draft from the database (ours only: the reference keeps documents in
 * memory and has nothing to load) while another draft is being edited on the same server:
 * the other draft's latency is measured before (step 0) and during (step 1) the loads. The
 * loads run in a second load process, so the loading client's own decoding of 1.4 MB does
 * not delay the other draft's probes. Then warm opens of the same draft, for comparison.
 */
import { roomName } from "../../app/editor/collab-protocol";
import { inLoadProcess } from "../lib/processes";
import type { TypingOptions, TypingResult, TypingStep } from "../load/typing";
import type { BenchContext } from "./context";

export type ColdLoadRow = { bytes: number; loads: number[]; warm: number[]; before: TypingStep; during: TypingStep };

/** The server under test unloads idle drafts after 50 ms (UNLOAD_AFTER_MS in bench/run.ts). */
const PAUSE_BETWEEN_LOADS_MS = 600;

export async function coldLoadScenario(context: BenchContext): Promise<ColdLoadRow> {
  const ours = context.servers.ours;
  const big = { url: ours.url, room: roomName(context.setup.bigDraft), headers: context.headersFor(ours) };
  const measureMs = context.quick ? 2000 : 15000;
  const background: TypingOptions = {
    urls: [ours.url],
    rooms: context.freshRooms(1),
    headers: { Cookie: context.setup.cookie },
    clientsPerRoom: 10,
    typistsPerRoom: 5,
    probesPerRoom: 3,
    rates: [5, 5],
    measureMs,
  };
  let loading: Promise<number[]> = Promise.resolve([]);
  const typing = await inLoadProcess<TypingResult>({ type: "typing", options: background }, ours.reset, (step) => {
    if (step !== 1) return;
    // As many loads as fit in the step (each takes a few hundred ms plus the pause).
    const times = Math.floor(measureMs / (PAUSE_BETWEEN_LOADS_MS + 300));
    loading = inLoadProcess<number[]>({ type: "sync", endpoint: big, times, pauseMs: PAUSE_BETWEEN_LOADS_MS });
  });
  const loads = await loading;
  const warm = await inLoadProcess<number[]>({
    type: "sync",
    endpoint: big,
    times: context.quick ? 3 : 10,
    pauseMs: 0,
  });
  console.log(
    `cold load: ${loads.map((ms) => ms.toFixed(0)).join(", ")} ms; warm ${warm.map((ms) => ms.toFixed(0)).join(", ")} ms`,
  );
  return { bytes: context.setup.bigBytes, loads, warm, before: typing.steps[0]!, during: typing.steps[1]! };
}
