/**
 * The summary CSV's worker thread (bundled to build/workers/summary-csv.js by
 * scripts/bundle-workers.ts; started by summary-csv-stream.server.ts). It makes one round's
 * file and hands it over a chunk at a time, each only when asked for the next one, so it
 * reads the database at the pace of the client's download.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Locale } from "~/i18n/config";
import { summaryCsvRows } from "./summary-csv-chunks.server";

export type CsvWorkerInput = { roundId: string; locale: Locale };
export type CsvWorkerMessage =
  | { type: "chunk"; bytes: Uint8Array }
  | { type: "end" }
  | { type: "error"; message: string };

const port = parentPort!;
const { roundId, locale } = workerData as CsvWorkerInput;
const chunks = summaryCsvRows(roundId, locale);
const send = (message: CsvWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on("message", () => {
  chunks.next().then(
    ({ done, value }) => {
      if (done) send({ type: "end" });
      // Moved, not copied: the chunk's memory becomes the web thread's as it is.
      else send({ type: "chunk", bytes: value }, [value.buffer as ArrayBuffer]);
    },
    (error: unknown) => send({ type: "error", message: error instanceof Error ? error.message : String(error) }),
  );
});
