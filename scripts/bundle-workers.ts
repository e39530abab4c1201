/**
 * The web app's worker threads compiled into one file each (build/workers/), run by the web
 * server beside its Remix build: `npm run build` makes them after `remix build`, and so does
 * `npm start` when it builds (scripts/build-if-needed.ts). Packages stay in node_modules.
 */
import { build } from "esbuild";

export const WORKERS_DIR = "build/workers";

/** Each worker's source and the file it is compiled to (the web app starts it from there). */
const WORKER_ENTRIES = { "app/exports/summary-csv-worker.server.ts": "summary-csv" } as const;

export async function bundleWorkers(root = process.cwd()): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: Object.entries(WORKER_ENTRIES).map(([source, out]) => ({ in: source, out })),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outdir: WORKERS_DIR,
    packages: "external",
    logLevel: "warning",
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await bundleWorkers();
