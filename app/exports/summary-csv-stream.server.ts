import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { Locale } from "~/i18n/config";
import { env } from "~/utils/env.server";
import { workerFile } from "~/utils/worker-files.server";
import { summaryCsvHeader } from "./summary-csv-chunks.server";
import type { CsvWorkerInput, CsvWorkerMessage } from "./summary-csv-worker.server";

const CSV_WORKER_FILE = workerFile("summary-csv");
/** Downloads made at once; later ones wait their turn, each holding only its connection. */
const CONCURRENT_DOWNLOADS = 2;
/**
 * The worker's heap: a step's rows (500 proposals) are all it keeps; the rest is its
 * database client. A million-proposal file made in the web thread itself grew the process
 * by 500–570 MB: V8 let garbage of long-lived kind pile up to several times the live heap
 * before a full collection (docs/benchmarks.md). Here it cannot pass this.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

let running = 0;
const waiting: (() => void)[] = [];

/** Downloads being made now (for tests and monitoring); the ones waiting their turn are not counted. */
export const csvDownloadsRunning = () => running;

/** Resolves with this download's release once it may run; a released turn passes straight to the next waiting one. */
async function turnToDownload(): Promise<() => void> {
  if (running < CONCURRENT_DOWNLOADS) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}

/**
 * The summary CSV of a round as a stream, made in a worker thread of its own: the web
 * thread only passes chunks on (moved, not copied), so a download of hundreds of MB neither
 * holds up other pages nor grows the web thread's heap. A chunk is asked for when the
 * client has taken the previous one (server/send-response.ts), so the worker reads the
 * database at the client's pace; a client that goes away ends the worker.
 */
export async function summaryCsvStream(roundId: string, locale: Locale): Promise<ReadableStream<Uint8Array>> {
  if (!existsSync(CSV_WORKER_FILE)) throw new Error(`${CSV_WORKER_FILE} is missing: run npm run build`);
  const release = await turnToDownload();
  const input: CsvWorkerInput = { roundId, locale };
  const worker = new Worker(CSV_WORKER_FILE, {
    workerData: input,
    env: { ...process.env, DATABASE_URL: env().DATABASE_URL },
    resourceLimits: WORKER_LIMITS,
  });
  let answer: ((message: CsvWorkerMessage) => void) | null = null;
  const reply = (message: CsvWorkerMessage) => {
    const waiter = answer;
    answer = null;
    waiter?.(message);
  };
  worker.on("message", reply);
  worker.on("error", (error) => reply({ type: "error", message: error.message }));
  worker.on("exit", () => {
    release();
    reply({ type: "error", message: "the CSV worker ended before the file did" });
  });
  const finish = () => void worker.terminate();
  return new ReadableStream<Uint8Array>({
    // The header goes while the worker starts (a few hundred ms): the download begins at once.
    start(controller) {
      controller.enqueue(summaryCsvHeader(locale));
    },
    async pull(controller) {
      const message = await new Promise<CsvWorkerMessage>((resolve) => {
        answer = resolve;
        worker.postMessage("next");
      });
      if (message.type === "chunk") return controller.enqueue(message.bytes);
      finish();
      if (message.type === "end") controller.close();
      else controller.error(new Error(`summary CSV of round ${roundId}: ${message.message}`));
    },
    cancel: finish,
  });
}
