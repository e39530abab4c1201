/**
 * `npx tsx bench/rounds/profile.ts <file.cpuprofile>`: where a server CPU profile (taken with
 * BENCH_PROFILE_DIR) spends its time — self time by package or app file, and the top functions.
 */
import { readFileSync } from "node:fs";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const file = process.argv[2];
if (!file) throw new Error("usage: tsx bench/rounds/profile.ts <file.cpuprofile>");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

/** node_modules/<package>, node:<module>, build/index.js, app/<file>, or the V8 pseudo-frame. */
function where(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1]!;
  if (url.startsWith("node:")) return url;
  const local = url.match(/\/(build\/index\.js|app\/.*|server\/.*|scripts\/.*)$/);
  return local ? local[1]! : url;
}

const byPlace = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
for (const [id, ms] of self) {
  const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
  const place = where(url, functionName);
  total += ms;
  byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
  const key = `${functionName || "(anonymous)"} ${place}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
}
const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, ms]) => `${((100 * ms) / total).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${key}`)
    .join("\n");
console.log(`total sampled ${total.toFixed(0)} ms\n\nself time by place:\n${top(byPlace, 15)}`);
console.log(`\nself time by function:\n${top(byFunction, 25)}`);

// Inclusive time: a function's own samples plus everything it called (recursion counted once).
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const inclusive = new Map<string, number>();
for (const [id, ms] of self) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const { functionName, url, lineNumber } = nodes.get(at)!.callFrame;
    if (!url) continue;
    const key = `${functionName || "(anonymous)"} ${where(url, functionName)}:${lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
  }
}
console.log(`\ninclusive time by function:\n${top(inclusive, Number(process.argv[3] ?? 40))}`);
