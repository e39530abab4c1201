// Runs on `npm install` (postinstall): puts the query plan cache of plan-cache.js into
// @prisma/client's runtime. A script rather than a patch-package patch because the runtime is
// minified into lines of 10–55 KB, and a patch of two changed calls was 180 KB of context.
// Plain JavaScript because tsx may not be linked yet when npm runs postinstall.
import { readFileSync, writeFileSync } from "node:fs";

const RUNTIMES = ["node_modules/@prisma/client/runtime/client.js", "node_modules/@prisma/client/runtime/client.mjs"];
const CALL = "execute:()=>s.compile(i)";
const CACHED_CALL = "execute:()=>__agoraCompiledPlan(s,i,t.action)";
const SOURCE_MAP = "//# sourceMappingURL=";
const cache = readFileSync(new URL("./plan-cache.js", import.meta.url), "utf8");

for (const file of RUNTIMES) {
  const runtime = readFileSync(file, "utf8");
  if (runtime.includes(CACHED_CALL)) continue;
  // Another Prisma version: fail the install rather than run without knowing what we changed.
  if (runtime.split(CALL).length !== 2) throw new Error(`${file}: the single-query compile call was not found once`);
  const at = runtime.lastIndexOf(SOURCE_MAP);
  // Appended at the end, so the source map's lines still match; function declarations are hoisted.
  writeFileSync(file, runtime.slice(0, at).replace(CALL, CACHED_CALL) + cache + runtime.slice(at));
}
