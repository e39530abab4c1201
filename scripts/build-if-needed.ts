import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { WORKERS_DIR } from "./bundle-workers";

const SOURCES = ["app", "remix.config.js", "package-lock.json"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** The oldest of the files `npm run build` makes (0 when one is missing). */
function builtAt(root: string): number {
  const outputs = [path.join(root, "build", "index.js"), path.join(root, WORKERS_DIR, "summary-csv.js")];
  return Math.min(...outputs.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
}

/** Runs `npm run build` (`remix build`, then the web app's workers) when build/ is missing or older than any source file. */
export function buildIfNeeded(root: string): void {
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (builtAt(root) > changedAt) return;
  console.log("building the web app (remix build)…");
  execFileSync(path.join(root, "node_modules", ".bin", "remix"), ["build"], { cwd: root, stdio: "inherit" });
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/bundle-workers.ts"], {
    cwd: root,
    stdio: "inherit",
  });
}
