/**
 * Cold load while another draft is being edited: opens a big draft again and again (the
 * server unloads it in between, so each open reads the database) and reports open-to-synced
 * times, plus the other draft's latency before (step 0) and during (step 1) the loads.
 */
import { openProbe, type Endpoint } from "./clients";
import { runTyping, type TypingOptions, type TypingStep } from "./typing";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Time from opening a socket to the end of the first sync, for one fresh client. */
export async function timeToSync(endpoint: Endpoint): Promise<number> {
  const start = performance.now();
  const probe = openProbe(endpoint, () => undefined);
  await probe.ready;
  const elapsed = performance.now() - start;
  probe.destroy();
  return elapsed;
}

export type ColdLoadOptions = {
  big: Endpoint;
  /** Pause after each load: longer than the server's unload delay. */
  pauseMs: number;
  /** The other draft's editing; its one rate is used for both steps. */
  background: Omit<TypingOptions, "rates"> & { rate: number };
};

export type ColdLoadResult = { loads: number[]; before: TypingStep; during: TypingStep };

export async function runColdLoad(options: ColdLoadOptions, beforeMeasuring: () => Promise<void>) {
  const loads: number[] = [];
  let loading: Promise<void> = Promise.resolve();
  const { background } = options;
  const typing = await runTyping(
    { ...background, rates: [background.rate, background.rate] },
    beforeMeasuring,
    (step) => {
      if (step !== 1) return;
      const end = performance.now() + background.measureMs;
      loading = (async () => {
        while (performance.now() < end) {
          loads.push(await timeToSync(options.big));
          await sleep(options.pauseMs);
        }
      })();
    },
  );
  await loading;
  return { loads, before: typing.steps[0]!, during: typing.steps[1]! } satisfies ColdLoadResult;
}
