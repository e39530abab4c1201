// Agora: a read's query plan reused when the same query comes again, instead of being compiled
// anew on every call. The query compiler was most of a query's CPU on our pages, and Prisma 6
// has no plan cache of its own (docs/decisions/030-prisma-query-plan-cache.md). A plan depends
// only on the query's JSON (values included) and on the client's compiler, which is why the
// plans are kept per compiler; the interpreter only reads a plan, so one can serve many calls.
// Injected into @prisma/client's runtime by scripts/prisma-plan-cache/install.mjs.
var __agoraPlanCaches;
var __agoraReusableReads = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "aggregate",
  "groupBy",
]);
/** Plans kept per compiler: enough for every page's queries, few enough to stay a few MB. */
var __agoraMaxPlans = 2000;

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called from the runtime it is injected into
function __agoraCompiledPlan(compiler, query, action) {
  var stats = (globalThis[Symbol.for("agora.prismaPlanCache")] ??= { hits: 0, compiled: 0 });
  // Writes are compiled every time; so are reads with a date in them (a new key every call)
  // and very long ones (an `in` list of a thousand ids is not asked twice).
  var reusable = __agoraReusableReads.has(action) && query.length <= 4096 && !query.includes('"$type":"DateTime"');
  if (!reusable) {
    stats.compiled++;
    return compiler.compile(query);
  }
  __agoraPlanCaches ??= new WeakMap();
  var plans = __agoraPlanCaches.get(compiler);
  if (!plans) __agoraPlanCaches.set(compiler, (plans = new Map()));
  var plan = plans.get(query);
  if (plan !== undefined) {
    stats.hits++;
    // Least recently used goes first: a Map keeps insertion order, so a hit moves to the end.
    plans.delete(query);
    plans.set(query, plan);
    return plan;
  }
  stats.compiled++;
  plan = compiler.compile(query);
  plans.set(query, plan);
  if (plans.size > __agoraMaxPlans) plans.delete(plans.keys().next().value);
  return plan;
}
