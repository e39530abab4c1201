// Runs on `npm install` (postinstall): two edits of @prisma/client's runtime. A script rather
// than a patch-package patch because the runtime is minified into lines of 10–55 KB, and a patch
// of two changed calls was 180 KB of context. Plain JavaScript because tsx may not be linked yet
// when npm runs postinstall.
//
// 1. The query plan cache of plan-cache.js: a read's plan compiled once per query shape.
// 2. A join whose parent query found nothing returns at once, without running its children:
//    Prisma ran every included relation's query anyway, with `IN (NULL)`, so a draft page
//    without comment threads paid four queries for nothing. No parent, nothing to attach: the
//    answer is the same empty list.
import { readFileSync, writeFileSync } from "node:fs";

const RUNTIMES = ["node_modules/@prisma/client/runtime/client.js", "node_modules/@prisma/client/runtime/client.mjs"];
const SOURCE_MAP = "//# sourceMappingURL=";
const EDITS = [
  { find: "execute:()=>s.compile(i)", replace: "execute:()=>__agoraCompiledPlan(s,i,t.action)" },
  {
    find: "if(o===null)return{value:null,lastInsertId:s};let a=await Promise.all(t.args.children.map(",
    replace:
      "if(o===null)return{value:null,lastInsertId:s};if(Array.isArray(o)&&o.length===0)return{value:o,lastInsertId:s};let a=await Promise.all(t.args.children.map(",
  },
];
const cache = readFileSync(new URL("./plan-cache.js", import.meta.url), "utf8");

for (const file of RUNTIMES) {
  const original = readFileSync(file, "utf8");
  let runtime = original;
  for (const { find, replace } of EDITS) {
    if (runtime.includes(replace)) continue;
    // Another Prisma version: fail the install rather than run without knowing what we changed.
    if (runtime.split(find).length !== 2) throw new Error(`${file}: "${find.slice(0, 60)}" was not found once`);
    runtime = runtime.replace(find, replace);
  }
  if (!runtime.includes("function __agoraCompiledPlan")) {
    const at = runtime.lastIndexOf(SOURCE_MAP);
    // Appended at the end, so the source map's lines still match; function declarations are hoisted.
    runtime = runtime.slice(0, at) + cache + runtime.slice(at);
  }
  if (runtime !== original) writeFileSync(file, runtime);
}
