import path from "node:path";

/** Where `npm run build` compiles the web app's worker threads (scripts/bundle-workers.ts). */
export const WORKERS_DIR = "build/workers";

/** Each worker's source, by the name of the file it is compiled to. */
export const WORKER_SOURCES = { "summary-csv": "app/exports/summary-csv-worker.server.ts" } as const;

export type WorkerName = keyof typeof WORKER_SOURCES;

/** A compiled worker's file, from the platform's root (where every entry point runs). */
export function workerFile(name: WorkerName, root = process.cwd()): string {
  return path.resolve(root, WORKERS_DIR, `${name}.js`);
}
