import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { WORKER_SOURCES, workerFile, type WorkerName } from "../app/utils/worker-files.server";

const SOURCES = ["app", "remix.config.js", "package-lock.json"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** The oldest of the files `npm run build` makes (0 when one is missing). */
function builtAt(root: string): number {
  const workers = Object.keys(WORKER_SOURCES).map((name) => workerFile(name as WorkerName, root));
  const outputs = [path.join(root, "build", "index.js"), ...workers];
  return Math.min(...outputs.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
}

/** Runs `npm run build` (`remix build`, then the web app's workers) when its output is missing or older than any source file. */
export function buildIfNeeded(root: string): void {
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (builtAt(root) > changedAt) return;
  console.log("building the web app (npm run build)…");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
}
