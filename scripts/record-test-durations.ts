/**
 * `npx tsx scripts/record-test-durations.ts`: writes the duration of every test file in the last
 * full run (Vitest's own record in node_modules/.vite) to tests/setup/test-durations.json, which
 * the suite's order uses on a fresh clone (tests/setup/slow-files-first.ts). Run it after a full
 * `npm test` when files were added or changed much; a stale table only orders less well.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const CACHE = "node_modules/.vite/vitest";
const OUT = "tests/setup/test-durations.json";

const folder = readdirSync(CACHE).find((name) => name !== "results.json");
const file = path.join(CACHE, folder ?? "", "results.json");
const { results } = JSON.parse(readFileSync(file, "utf8")) as { results: [string, { duration?: number }][] };
const seconds = Object.fromEntries(
  results
    // Keys are "project:path"; files removed since are left out.
    .filter(([key, result]) => result.duration && existsSync(key.slice(key.indexOf(":") + 1)))
    .map(([key, result]) => [key, Math.round(result.duration! / 100) / 10] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);
writeFileSync(OUT, `${JSON.stringify(seconds, null, 2)}\n`);
console.log(`${Object.keys(seconds).length} files recorded in ${OUT}`);
