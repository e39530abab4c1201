/**
 * The web app's worker threads compiled into one file each (build/workers/), run by the web
 * server beside its Remix build: `npm run build` makes them after `remix build`, and so does
 * `npm start` when it builds (scripts/build-if-needed.ts).
 */
import { WORKER_SOURCES, WORKERS_DIR } from "../app/utils/worker-files.server";
import { bundleForNode } from "./bundle-node";

export async function bundleWorkers(root = process.cwd()): Promise<void> {
  await bundleForNode({ root, outdir: WORKERS_DIR, entries: WORKER_SOURCES });
}

if (import.meta.url === `file://${process.argv[1]}`) await bundleWorkers();
