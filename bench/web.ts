/**
 * `npm run bench:web` (`-- --quick` for a short run): web pages under load. The
 * draft page (a signed-in member of the owning ministry) and the public round page (signed
 * out, an OPEN public round) of a law of BENCH_ARTICLES articles, each under autocannon with
 * BENCH_CONNECTIONS keep-alive connections in a closed loop: requests/s, p50 and p99, non-2xx.
 * On SQLite and on PostgreSQL, each served by the real production platform (scripts/start.ts)
 * in its own process. Reference, measured on the same platform process in the same run: a
 * static asset (/favicon.svg, 200 bytes) through the same Express stack (security headers,
 * compression, static files), i.e. what the platform does for any request before Remix,
 * React and the database; each page's figures are also given as a ratio to it.
 * Prints a Markdown table (copy it into docs/benchmarks.md) and writes bench/web-results.json.
 *
 * Environment: BENCH_WEB_ONLY (static,draft,round), BENCH_ARTICLES (100), BENCH_CONNECTIONS (50), BENCH_WEB_SECONDS (10, quick 2.5)
 * measured per endpoint after a warm-up under the same load of at least
 * BENCH_WEB_WARMUP_SECONDS (2, quick 0.5) and until every connection has had an answer;
 * BENCH_POSTGRES_URL (postgresql://postgres@127.0.0.1:5432/test): a schema of its own,
 * dropped afterwards; PostgreSQL is skipped with a warning when it does not answer.
 */
import { execSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DEMO_PASSWORD } from "../prisma/seed/users";
import { buildIfNeeded } from "../scripts/build-if-needed";
import { BENCH_POSTGRES_URL, dropSchema, postgresAnswers } from "./lib/postgres";
import { closeConnections, signIn, startPlatform, timedRequest } from "./rounds/http";
import { prepareWebDatabase, type WebFixture } from "./web/fixture";
import { hammer, type Load } from "./web/load";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const FAVICON = readFileSync("public/favicon.svg");
/** BENCH_WEB_ONLY=static,round: just these endpoints (the reference should stay in). */
const ONLY = process.env.BENCH_WEB_ONLY?.split(",");

/** A page to load, and how to tell before the timed run that its response is the real thing. */
type Endpoint = {
  key: "static" | "draft" | "round";
  label: string;
  path: (fixture: WebFixture) => string;
  signedIn: boolean;
  check: (body: Buffer, fixture: WebFixture) => string | null;
};

const ms = (value: number) => value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0);
const count = (text: string, needle: string) => text.split(needle).length - 1;

/** The reference comes first: every page of the same database is divided by it. */
const ENDPOINTS: Endpoint[] = [
  {
    key: "static",
    label: "reference: static /favicon.svg",
    path: () => "/favicon.svg",
    signedIn: false,
    check: (body) => (body.equals(FAVICON) ? null : "not public/favicon.svg"),
  },
  {
    key: "draft",
    label: "draft page, signed-in member",
    path: (f) => `/drafts/${f.draftId}`,
    signedIn: true,
    check: (body, f) => {
      const html = body.toString();
      if (!html.includes('data-testid="draft-title"') || !html.includes(f.draftTitle)) return "no draft title";
      // Until the editor hydrates, the page shows the outline (the text comes through Yjs).
      const side = html.slice(html.indexOf('class="draft-side"'));
      const entries = count(side.slice(0, side.indexOf("</aside>")), "<li");
      return entries === f.outlineEntries ? null : `${entries} of ${f.outlineEntries} outline entries`;
    },
  },
  {
    key: "round",
    label: "public round page, signed out (OPEN)",
    path: (f) => `/rounds/${f.roundId}`,
    signedIn: false,
    check: (body, f) => {
      const html = body.toString();
      if (!html.includes(f.sha256)) return "no version SHA-256";
      // Offered only while the round is open to the public and the visitor is signed out.
      if (!html.includes('data-testid="signup-to-propose"')) return "no sign-up-to-propose link";
      const articles = count(html, 'data-testid="count-');
      return articles === f.articles ? null : `${articles} of ${f.articles} articles`;
    },
  },
];

export type WebRow = Load & {
  endpoint: Endpoint["key"];
  label: string;
  database: "SQLite" | "PostgreSQL";
  /** Server CPU time (user + system) per request during the timed run. */
  serverCpuMsPerRequest: number;
  /** Uncompressed size of the page checked before the run. */
  pageKb: number;
  /** This row against the reference row of the same database and platform process. */
  ratio: { requestsPerSecond: number; p50: number; p99: number };
};

/** Prepares the database, starts the platform on it, checks and loads every endpoint in turn. */
async function benchDatabase(
  database: WebRow["database"],
  databaseUrl: string,
  timing: { seconds: number; warmupSeconds: number },
): Promise<WebRow[]> {
  const fixture = await prepareWebDatabase(databaseUrl, ARTICLES);
  const platform = await startPlatform(
    { DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    process.env.BENCH_PROFILE_DIR,
  );
  const rows: WebRow[] = [];
  try {
    const cookie = await signIn(platform, fixture.staffEmail, DEMO_PASSWORD);
    for (const endpoint of ENDPOINTS.filter((e) => !ONLY || ONLY.includes(e.key))) {
      const url = platform.origin + endpoint.path(fixture);
      const headers: Record<string, string> = endpoint.signedIn ? { cookie } : {};
      const page = await timedRequest(url, { headers });
      const problem = page.status === 200 ? endpoint.check(page.body, fixture) : `HTTP ${page.status}`;
      if (problem) throw new Error(`${database}, ${endpoint.key}: ${problem}`);
      let cpuBefore = 0;
      const load = await hammer({
        url,
        connections: CONNECTIONS,
        seconds: timing.seconds,
        minWarmupSeconds: timing.warmupSeconds,
        headers,
        atMeasureStart: () => (cpuBefore = platform.cpuMs()),
      });
      const cpuMs = platform.cpuMs() - cpuBefore;
      const reference = rows[0] ?? load;
      rows.push({
        ...load,
        endpoint: endpoint.key,
        label: endpoint.label,
        database,
        serverCpuMsPerRequest: load.requests ? cpuMs / load.requests : NaN,
        pageKb: page.body.length / 1024,
        ratio: {
          requestsPerSecond: load.requestsPerSecond / reference.requestsPerSecond,
          p50: load.p50Ms / reference.p50Ms,
          p99: load.p99Ms / reference.p99Ms,
        },
      });
      console.log(
        `${database} ${endpoint.key}: ${load.requestsPerSecond.toFixed(0)} req/s, p99 ${ms(load.p99Ms)} ms, ${load.non2xx} non-2xx (after ${load.warmupSeconds.toFixed(1)} s of warm-up)`,
      );
    }
  } catch (error) {
    console.error(`platform output:\n${platform.output().slice(-4000)}`);
    throw error;
  } finally {
    closeConnections();
    await platform.stop();
  }
  return rows;
}

/**
 * The whole bench: SQLite, then PostgreSQL when it answers. `quick`: 2.5 s measured per
 * endpoint after at least 0.5 s of warm-up (about 35 s in all with the fixtures and the two
 * platform starts); otherwise 10 s after at least 2 s.
 */
export async function runWebBench({ quick }: { quick: boolean }): Promise<WebRow[]> {
  const timing = {
    seconds: Number(process.env.BENCH_WEB_SECONDS ?? (quick ? 1.5 : 10)),
    warmupSeconds: Number(process.env.BENCH_WEB_WARMUP_SECONDS ?? (quick ? 0.5 : 2)),
  };
  // The platform is started with AGORA_SKIP_BUILD (its start-up must not be a build): build here if needed.
  buildIfNeeded(process.cwd());
  const rows: WebRow[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "agora-bench-web-"));
  try {
    rows.push(...(await benchDatabase("SQLite", `file:${path.join(dir, "web.db")}`, timing)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The quick run (under two minutes with everything else) measures SQLite only.
  if (quick) return rows;
  if (await postgresAnswers()) {
    const schema = `bench_web_${process.pid}`;
    try {
      rows.push(...(await benchDatabase("PostgreSQL", `${BENCH_POSTGRES_URL}?schema=${schema}`, timing)));
    } finally {
      await dropSchema(schema);
    }
  } else {
    console.warn(`WARNING: PostgreSQL does not answer at ${BENCH_POSTGRES_URL}: web bench on SQLite only`);
  }
  return rows;
}

/** The Markdown table of the rows (ratios: this row ÷ the reference of the same database). */
export function webTable(rows: WebRow[]): string {
  const lines = [
    "| endpoint | database | req/s | p50 ms | p99 ms | non-2xx | errors | server CPU ms/req | KB sent/req | req/s ÷ ref | p99 ÷ ref |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.label} | ${r.database} | ${r.requestsPerSecond.toFixed(0)} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${r.non2xx} | ${r.errors} | ${r.serverCpuMsPerRequest.toFixed(2)} | ${(r.bytesPerRequest / 1024).toFixed(1)} | ${r.ratio.requestsPerSecond.toFixed(3)} | ${r.ratio.p99.toFixed(1)} |`,
    );
  }
  return lines.join("\n");
}

async function main() {
  const quick = process.argv.includes("--quick");
  const started = Date.now();
  const loadBefore = os.loadavg();
  const rows = await runWebBench({ quick });
  const results = {
    date: new Date().toISOString(),
    commit: execSync("git rev-parse --short HEAD").toString().trim(),
    quick,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    loadAverage: { before: loadBefore, after: os.loadavg() },
    articles: ARTICLES,
    connections: CONNECTIONS,
    seconds: (Date.now() - started) / 1000,
    rows,
  };
  writeFileSync("bench/web-results.json", JSON.stringify(results, null, 2));
  console.log(
    `\nWeb pages under autocannon, ${CONNECTIONS} connections, ${ARTICLES}-article law; ${results.machine}, load average ${loadBefore[0]!.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}, ${results.date}, commit ${results.commit}${quick ? ", --quick" : ""} (${results.seconds.toFixed(0)} s)\n`,
  );
  console.log(webTable(rows));
  process.exit(0);
}

// Run as a script (npm run bench:web), not when bench/run.ts imports runWebBench.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
