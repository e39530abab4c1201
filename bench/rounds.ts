/**
 * `npm run bench:rounds`: a consultation round with 5,000 proposals over 300 articles, all
 * answered and the summary published. Measures the staff answering page, the public summary
 * page, the DOCX and CSV downloads and the round page, served by the real platform in its
 * own process (this process only sends requests), against the same requests on a reference
 * round 100 times smaller, and the in-process cost of building the summary and the DOCX,
 * all in the same run. Prints Markdown tables (copy them into docs/benchmarks.md) and writes
 * bench/rounds-results.json.
 *
 * Environment: BENCH_WARMUP (5), BENCH_RUNS (20), BENCH_ARTICLES (300), BENCH_PROPOSALS (5000),
 * BENCH_NODE_ENV of the server (production), BENCH_ONLY (request keys, comma-separated),
 * BENCH_PROFILE_DIR (server CPU profile, summarize with `npx tsx bench/rounds/profile.ts`).
 */
import { execSync } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { summaryToCsv } from "../app/exports/summary-csv.server";
import { summaryToDocx } from "../app/exports/summary-docx.server";
import { buildSummaryTable, summaryLabels } from "../app/models/rounds/round-summary.server";
import { db } from "../app/utils/db.server";
import { DEMO_PASSWORD } from "../prisma/seed/users";
import { prepareRoundsDatabase, STAFF_EMAIL, type BenchRound } from "./rounds/fixture";
import { closeConnections, otherAgent, signIn, startPlatform, timedRequest, type Platform } from "./rounds/http";

const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 300);
const PROPOSALS = Number(process.env.BENCH_PROPOSALS ?? 5000);
const NODE_ENV = process.env.BENCH_NODE_ENV ?? "production";
const ONLY = process.env.BENCH_ONLY?.split(",");
const LOCALE = "hy";

type Stats = { medianMs: number; p95Ms: number; samples: number[] };
type Size = "small" | "big";

/** A request to measure: who makes it and how to tell its response is the real thing. */
type Endpoint = {
  key: string;
  label: string;
  path: (roundId: string) => string;
  signedIn: boolean;
  /** Measured with both rounds set to this status for the duration (then back to ANSWERED). */
  status?: "CLOSED";
  check: (body: Buffer, round: BenchRound) => string | null;
};

const count = (text: string, needle: string) => text.split(needle).length - 1;

/** The first page lists 50 proposals, with an answer form each only while the round is closed. */
function checkAnswerCards(body: Buffer, round: BenchRound, forms: number): string | null {
  const html = body.toString();
  const cards = count(html, 'data-testid="proposal-to-answer"');
  const found = count(html, 'name="proposalId"');
  if (cards !== Math.min(50, round.proposals)) return `${cards} proposals listed`;
  return found === forms ? null : `${found} answer forms`;
}

/**
 * The DOCX comes last: the process keeps the memory it grabs, and the peak RSS of each
 * request's block can only be reset down to the current RSS.
 */
const ENDPOINTS: Endpoint[] = [
  {
    key: "answers",
    label: "staff answering page, summary published (read-only)",
    path: (id) => `/rounds/${id}/answers`,
    signedIn: true,
    check: (body, round) => checkAnswerCards(body, round, 0),
  },
  {
    key: "answersClosed",
    label: "staff answering page, round closed (50 answer forms)",
    path: (id) => `/rounds/${id}/answers`,
    signedIn: true,
    status: "CLOSED",
    check: (body, round) => checkAnswerCards(body, round, Math.min(50, round.proposals)),
  },
  {
    key: "summary",
    label: "public summary page (first 200 rows, totals of all)",
    path: (id) => `/rounds/${id}/summary`,
    signedIn: false,
    check: (body, round) => {
      const html = body.toString();
      const table = html.slice(html.indexOf('data-testid="summary-table"'), html.indexOf("</table>"));
      const rows = count(table, "<tr") - 1;
      return rows === Math.min(200, round.proposals) ? null : `${rows} table rows`;
    },
  },
  {
    key: "csv",
    label: "summary CSV download",
    path: (id) => `/rounds/${id}/summary.csv`,
    signedIn: false,
    check: (body, round) => {
      const records = count(body.toString(), "\r\n") - 1;
      return records === round.proposals ? null : `${records} CSV records`;
    },
  },
  {
    key: "round",
    label: "round page (version text, signed out)",
    path: (id) => `/rounds/${id}`,
    signedIn: false,
    check: (body, round) => (body.toString().includes(`/rounds/${round.roundId}/summary`) ? null : "no summary link"),
  },
  {
    key: "docx",
    label: "summary DOCX download",
    path: (id) => `/rounds/${id}/summary.docx`,
    signedIn: false,
    check: (body) => (body.subarray(0, 2).toString() === "PK" ? null : "not a ZIP file"),
  },
];

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function stats(samples: number[]): Stats {
  return { medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95), samples };
}

async function timeInProcess(step: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await step();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await step();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

type HttpResult = Stats & {
  serverCpuMs: number;
  /** Peak RSS of the platform during this request's block (both rounds). */
  serverPeakMb: number;
  kb: number;
  wireKb: number;
  contentType: string;
};

/**
 * Warm-up, then measured requests alternating between the two rounds, one at a time, so
 * both see the same conditions. Server CPU is read before and after each request.
 */
async function measureEndpoint(
  platform: Platform,
  endpoint: Endpoint,
  rounds: Record<Size, BenchRound>,
  cookie: string,
): Promise<Record<Size, HttpResult>> {
  const headers: Record<string, string> = endpoint.signedIn ? { Cookie: cookie } : {};
  const get = (size: Size) => timedRequest(platform.origin + endpoint.path(rounds[size].roundId), { headers });
  const sizes: Size[] = ["small", "big"];
  platform.resetPeak();
  const roundIds = sizes.map((size) => rounds[size].roundId);
  if (endpoint.status) {
    await db().consultationRound.updateMany({ where: { id: { in: roundIds } }, data: { status: endpoint.status } });
  }
  const last: Partial<Record<Size, Awaited<ReturnType<typeof get>>>> = {};
  for (const size of sizes) {
    for (let i = 0; i < WARMUP; i++) {
      const response = await get(size);
      const problem = response.status === 200 ? endpoint.check(response.body, rounds[size]) : `HTTP ${response.status}`;
      if (problem) throw new Error(`${endpoint.key} (${size}): ${problem}`);
    }
  }
  const samples: Record<Size, number[]> = { small: [], big: [] };
  const cpu: Record<Size, number> = { small: 0, big: 0 };
  for (let i = 0; i < RUNS; i++) {
    for (const size of sizes) {
      const before = platform.cpuMs();
      const response = await get(size);
      cpu[size] += platform.cpuMs() - before;
      if (response.status !== 200) throw new Error(`${endpoint.key} (${size}): HTTP ${response.status}`);
      samples[size].push(response.ms);
      last[size] = response;
    }
  }
  if (endpoint.status) {
    await db().consultationRound.updateMany({ where: { id: { in: roundIds } }, data: { status: "ANSWERED" } });
  }
  const result = (size: Size): HttpResult => ({
    ...stats(samples[size]),
    serverCpuMs: cpu[size] / RUNS,
    serverPeakMb: platform.memory().peakMb,
    kb: last[size]!.body.length / 1024,
    wireKb: last[size]!.wireBytes / 1024,
    contentType: String(last[size]!.headers["content-type"] ?? ""),
  });
  return { small: result("small"), big: result("big") };
}

/**
 * What one slow download does to everyone else on the same process: the small round's page,
 * requested on another connection while the big round's DOCX is being generated, against
 * the same page requested with the platform idle.
 */
async function measureBlocking(platform: Platform, rounds: Record<Size, BenchRound>) {
  const page = () => timedRequest(`${platform.origin}/rounds/${rounds.small.roundId}`, { agent: otherAgent });
  const idle: number[] = [];
  const duringDocx: number[] = [];
  const docx: number[] = [];
  const times = Math.max(1, Math.round(RUNS / 4));
  for (let i = 0; i < WARMUP; i++) await page();
  for (let i = 0; i < times; i++) {
    idle.push((await page()).ms);
    const download = timedRequest(`${platform.origin}/rounds/${rounds.big.roundId}/summary.docx`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    duringDocx.push((await page()).ms);
    docx.push((await download).ms);
  }
  return { times, idle: stats(idle), duringDocx: stats(duringDocx), docx: stats(docx) };
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const ratio = (a: number, b: number) => (a / b).toFixed(1);

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg();
  const setup = await prepareRoundsDatabase({ articles: ARTICLES, proposals: PROPOSALS });
  const rounds = { small: setup.small, big: setup.big };
  console.log(
    `fixture: ${setup.big.proposals} proposals over ${setup.big.articles} articles (${fixed(setup.big.textKb, 0)} K characters of proposals and answers) and the reference round of ${setup.small.proposals} over ${setup.small.articles}, in ${fixed((Date.now() - started) / 1000)} s`,
  );

  // In process, before the platform starts, so nothing else competes for the CPU.
  const labels = summaryLabels(LOCALE);
  const bigTable = await buildSummaryTable(rounds.big.roundId, LOCALE);
  const inProcess = {
    buildSummaryTable: await timeInProcess(() => buildSummaryTable(rounds.big.roundId, LOCALE)),
    summaryToDocx: await timeInProcess(() => summaryToDocx(bigTable, labels)),
    tableAndDocx: await timeInProcess(async () =>
      summaryToDocx(await buildSummaryTable(rounds.big.roundId, LOCALE), labels),
    ),
    summaryToCsv: await timeInProcess(async () => summaryToCsv(bigTable, labels)),
  };
  console.log(`in process: buildSummaryTable + summaryToDocx median ${fixed(inProcess.tableAndDocx.medianMs)} ms`);

  const platform = await startPlatform(
    { DATABASE_URL: setup.databaseUrl, NODE_ENV },
    process.env.BENCH_PROFILE_DIR || undefined,
  );
  const http: Record<string, Record<Size, HttpResult>> = {};
  let blocking: Awaited<ReturnType<typeof measureBlocking>> | undefined;
  let memory: ReturnType<Platform["memory"]>;
  try {
    const cookie = await signIn(platform, STAFF_EMAIL, DEMO_PASSWORD);
    for (const endpoint of ENDPOINTS) {
      if (ONLY && !ONLY.includes(endpoint.key)) continue;
      http[endpoint.key] = await measureEndpoint(platform, endpoint, rounds, cookie);
      const { big, small } = http[endpoint.key]!;
      console.log(
        `${endpoint.key}: ${fixed(big.medianMs)} ms (${PROPOSALS} proposals), ${fixed(small.medianMs)} ms (${rounds.small.proposals})`,
      );
    }
    if (!ONLY || ONLY.includes("blocking")) blocking = await measureBlocking(platform, rounds);
  } catch (error) {
    console.error(`platform output:\n${platform.output().slice(-4000)}`);
    throw error;
  } finally {
    closeConnections();
    memory = platform.memory();
    await platform.stop();
    rmSync(setup.dir, { recursive: true, force: true });
  }

  const build = statSync("build/index.js").mtime.toISOString();
  const results = {
    date: new Date().toISOString(),
    commit: execSync("git rev-parse --short HEAD").toString().trim(),
    uncommittedInApp: execSync("git status --porcelain app prisma server scripts").toString().trim() !== "",
    build: { version: readFileSync("build/version.txt", "utf8").trim(), builtAt: build },
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    serverNodeEnv: NODE_ENV,
    loadAverage: { before: loadBefore, after: os.loadavg() },
    warmup: WARMUP,
    runs: RUNS,
    rounds,
    inProcess,
    http,
    blocking,
    serverMemory: memory,
  };
  writeFileSync("bench/rounds-results.json", JSON.stringify(results, null, 2));

  const names = { small: `${rounds.small.proposals} / ${rounds.small.articles}`, big: `${PROPOSALS} / ${ARTICLES}` };
  console.log(`\n${results.machine}, server NODE_ENV=${NODE_ENV}, ${results.date}, commit ${results.commit}`);
  console.log(
    `load average before/after: ${loadBefore.map((l) => l.toFixed(2)).join(" ")} / ${os.loadavg()[0]!.toFixed(2)}`,
  );
  console.log(`${WARMUP} warm-up + ${RUNS} measured sequential requests each, the two rounds alternating.\n`);
  console.log(
    "| request | proposals / articles | median ms | p95 ms | server CPU ms | body KB | sent KB | server peak RSS MB |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const endpoint of ENDPOINTS) {
    for (const size of ["small", "big"] as const) {
      const r = http[endpoint.key]?.[size];
      if (!r) continue;
      console.log(
        `| ${endpoint.label} | ${names[size]} | ${fixed(r.medianMs)} | ${fixed(r.p95Ms)} | ${fixed(r.serverCpuMs, 0)} | ${fixed(r.kb, 0)} | ${r.wireKb === r.kb ? "—" : fixed(r.wireKb, 0)} | ${size === "big" ? fixed(r.serverPeakMb, 0) : ""} |`,
      );
    }
  }
  const reference = inProcess.tableAndDocx.medianMs;
  console.log(
    `\nRatios (medians): against the same request on the ${rounds.small.proposals}-proposal round (100× less data), and against buildSummaryTable + summaryToDocx in process for the big round (${fixed(reference)} ms).\n`,
  );
  console.log(
    `| request | ${PROPOSALS} ÷ ${rounds.small.proposals} proposals | ÷ in-process table + DOCX | ms per proposal |`,
  );
  console.log("| --- | --- | --- | --- |");
  for (const endpoint of ENDPOINTS) {
    const r = http[endpoint.key];
    if (!r) continue;
    console.log(
      `| ${endpoint.label} | ${ratio(r.big.medianMs, r.small.medianMs)} | ${(r.big.medianMs / reference).toFixed(2)} | ${(r.big.medianMs / PROPOSALS).toFixed(3)} |`,
    );
  }
  console.log(`\nIn process, ${PROPOSALS} proposals (the bench process, platform not running):\n`);
  console.log("| step | median ms | p95 ms |");
  console.log("| --- | --- | --- |");
  for (const [step, s] of Object.entries(inProcess)) {
    console.log(`| ${step} | ${fixed(s.medianMs)} | ${fixed(s.p95Ms)} |`);
  }
  if (blocking) {
    console.log(
      `\nThe ${rounds.small.proposals}-proposal round's page on a second connection, median of ${blocking.times}: ${fixed(blocking.idle.medianMs)} ms with the platform idle, ${fixed(blocking.duringDocx.medianMs)} ms (max ${fixed(Math.max(...blocking.duringDocx.samples))}) when sent 0.5 s into the ${PROPOSALS}-proposal DOCX download.`,
    );
  }
  console.log(`\nServer memory at the end: RSS ${fixed(memory.rssMb, 0)} MB, peak ${fixed(memory.peakMb, 0)} MB`);
  process.exit(0);
}

await main();
