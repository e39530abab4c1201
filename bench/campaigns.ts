/**
 * `npm run bench:campaigns` (`-- --quick`: 20,000 proposals and a 10 s burst): national-scale
 * rounds (docs/decisions/025), measured on this machine.
 *
 * 1. A round of 1,000,000 proposals (20,000 quick) seeded by SQL (bench/campaigns/large-round.ts)
 *    and served by the real platform in its own process: the staff answering page (first
 *    page, filtered, a page deep in the list, one campaign group, a rare word through the
 *    search index) while the round is closed; the group answer of the campaign (a tenth of
 *    the round: 100,000) by the model in this process; then, every proposal answered and the
 *    summary published, the public summary page and the CSV's first byte and the platform's
 *    memory growth during the download.
 * 2. Grouping (bench/campaigns/grouping.ts, its own process): ms per submission with 1,000 and
 *    with N proposals already in the round, and the grouping quality on generated campaigns.
 * 3. The proposal burst (bench/campaigns/burst.ts, one process per database): 200
 *    participants, 100 proposals/s for 60 s (10 s quick), SQLite and PostgreSQL, with the
 *    platform's CPU per submission and the load average (bench/campaigns/submit-profile.ts
 *    counts one submission's statements and CPU).
 *
 * Prints Markdown tables (copy them into docs/benchmarks.md) and writes
 * bench/campaigns-results.json (`--round-only`: part 1 alone, to bench/campaigns-round-results.json).
 * Environment: BENCH_PROPOSALS, BENCH_RUNS (20; 10 quick).
 */
import { spawnSync } from "node:child_process";
import { execSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { answerGroup } from "./../app/models/rounds/group-answers.server";
import { db } from "./../app/utils/db.server";
import { DEMO_PASSWORD } from "../prisma/seed/users";
import { asCurrentUser } from "../tests/helpers/open-round";
import { answerAllAndPublish, CAMPAIGN_GROUP, prepareLargeRound, RARE_WORD } from "./campaigns/large-round";
import { STAFF_EMAIL } from "./rounds/fixture";
import { closeConnections, signIn, startPlatform, timedRequest, type Platform } from "./rounds/http";

const QUICK = process.argv.includes("--quick");
/** `--round-only`: the large round alone (part 1), without grouping and bursts. */
const ROUND_ONLY = process.argv.includes("--round-only");
const PROPOSALS = Number(process.env.BENCH_PROPOSALS ?? (QUICK ? 20_000 : 1_000_000));
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 10 : 20));
const WARMUP = 3;
const BURST_SECONDS = QUICK ? 10 : 60;

/** `firstMs`: the first request of all (before any cache of the platform's holds the page). */
type Row = { key: string; label: string; p50: number; p95: number; firstMs: number; note: string };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

/** Sequential GETs after a warm-up; each response checked. */
async function measure(
  platform: Platform,
  key: string,
  label: string,
  path: string,
  cookie: string | null,
  check: (html: string) => string | null,
): Promise<Row> {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const samples: number[] = [];
  let note = "";
  let firstMs = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const response = await timedRequest(platform.origin + path, { headers });
    if (response.status !== 200) throw new Error(`${key}: HTTP ${response.status}`);
    const problem = check(response.body.toString());
    if (problem) throw new Error(`${key}: ${problem}`);
    if (i === 0) firstMs = response.ms;
    if (i >= WARMUP) samples.push(response.ms);
    note = `${(response.body.length / 1024).toFixed(0)} KB`;
  }
  const row = { key, label, p50: percentile(samples, 50), p95: percentile(samples, 95), firstMs, note };
  console.log(`${key}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms`);
  return row;
}

/** Time to the first byte of the body and to the last, without keeping the body. */
function firstByte(url: string): Promise<{ firstMs: number; totalMs: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    http
      .get(url, { headers: { "Accept-Language": "hy" } }, (response) => {
        let firstMs = 0;
        let bytes = 0;
        response.on("data", (chunk: Buffer) => {
          if (!firstMs) firstMs = performance.now() - start;
          bytes += chunk.length;
        });
        response.on("end", () => resolve({ firstMs, totalMs: performance.now() - start, bytes }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

function child<T>(script: string, args: string[]): T {
  const run = spawnSync("node_modules/.bin/tsx", [script, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!) as T;
}

const answerCards = (expected: (n: number) => boolean) => (html: string) => {
  const cards = count(html, 'data-testid="proposal-to-answer"');
  return expected(cards) ? null : `${cards} proposals listed`;
};

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const setup = await prepareLargeRound(PROPOSALS);
  console.log(`fixture: ${PROPOSALS} proposals seeded in ${setup.seedSeconds.toFixed(1)} s`);
  const platform = await startPlatform({ DATABASE_URL: setup.databaseUrl, NODE_ENV: "production" });
  const rows: Row[] = [];
  let groupAnswer: { proposals: number; seconds: number };
  let csv: { firstMs: number[]; totalMs: number[]; mb: number; growthMb: number };
  const base = `/rounds/${setup.roundId}`;
  try {
    const cookie = await signIn(platform, STAFF_EMAIL, DEMO_PASSWORD);
    const full = answerCards((n) => n === 50);
    rows.push(await measure(platform, "answers", "answering page, first page", `${base}/answers`, cookie, full));
    rows.push(
      await measure(
        platform,
        "answersFiltered",
        "answering page, unanswered on behalf of an organization",
        `${base}/answers?status=unanswered&author=organization`,
        cookie,
        full,
      ),
    );
    rows.push(
      await measure(
        platform,
        "answersDeep",
        "answering page, a page in the middle (keyset)",
        `${base}/answers?after=150.${Math.floor(PROPOSALS / 2)}`,
        cookie,
        full,
      ),
    );
    rows.push(
      await measure(
        platform,
        "answersGroup",
        `answering page, the campaign group (${setup.campaignSize} proposals)`,
        `${base}/answers?group=${CAMPAIGN_GROUP}`,
        cookie,
        full,
      ),
    );
    rows.push(
      await measure(
        platform,
        "search",
        "answering page, a rare word (20 proposals, search index)",
        `${base}/answers?q=${encodeURIComponent(RARE_WORD)}`,
        cookie,
        answerCards((n) => n === 20),
      ),
    );

    // The campaign answered at once by the model (the platform idle meanwhile).
    const staff = await asCurrentUser(setup.staffId);
    const started = performance.now();
    const answered = await answerGroup(staff, setup.roundId, {
      groupId: CAMPAIGN_GROUP,
      decision: "REJECTED",
      answer: "Առաջարկը հակասում է Սահմանադրությանը։",
    });
    groupAnswer = { proposals: answered, seconds: (performance.now() - started) / 1000 };
    console.log(`group answer: ${answered} proposals in ${groupAnswer.seconds.toFixed(1)} s`);

    await answerAllAndPublish(setup.roundId, setup.staffId);
    rows.push(
      await measure(platform, "summary", "public summary page (signed out)", `${base}/summary`, null, (html) =>
        html.includes('data-testid="summary-table"') ? null : "no summary table",
      ),
    );
    const before = platform.memory().rssMb;
    platform.resetPeak();
    const downloads = [];
    for (let i = 0; i < 3; i++) downloads.push(await firstByte(`${platform.origin}${base}/summary.csv`));
    csv = {
      firstMs: downloads.map((d) => d.firstMs),
      totalMs: downloads.map((d) => d.totalMs),
      mb: downloads[0]!.bytes / 2 ** 20,
      growthMb: platform.memory().peakMb - before,
    };
    console.log(
      `csv: first byte ${csv.firstMs.map((ms) => ms.toFixed(0)).join(", ")} ms, +${csv.growthMb.toFixed(0)} MB`,
    );
  } catch (error) {
    console.error(`platform output:\n${platform.output().slice(-4000)}`);
    throw error;
  } finally {
    closeConnections();
    await platform.stop();
    await db().$disconnect();
    rmSync(setup.dir, { recursive: true, force: true });
  }

  type Grouping = {
    costs: { existing: number; bandRows: number; msPerProposal: number }[];
    quality: {
      variantsGroupedShare: number;
      distinctWronglyGroupedShare: number;
      campaigns: number;
      variants: number;
      distinct: number;
    };
  };
  const grouping = ROUND_ONLY ? null : child<Grouping>("bench/campaigns/grouping.ts", ["1000", String(PROPOSALS)]);
  type Burst = {
    kind: string;
    skipped?: string;
    p50: number;
    p99: number;
    max: number;
    cpuMsPerSubmission: number;
    ungrouped: number;
    loadAverage: { before: number; after: number };
    scheduled: number;
    stored: number;
    lost: number;
    errors: number;
    elapsed: number;
  };
  const bursts = (ROUND_ONLY ? [] : ["sqlite", "postgres"]).map((kind) =>
    child<Burst>("bench/campaigns/burst.ts", [kind, String(BURST_SECONDS)]),
  );

  const results = {
    date: new Date().toISOString(),
    commit: execSync("git rev-parse --short HEAD").toString().trim(),
    quick: QUICK,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    loadAverage: { before: loadBefore, after: os.loadavg()[0] },
    proposals: PROPOSALS,
    seedSeconds: setup.seedSeconds,
    runs: RUNS,
    pages: rows,
    groupAnswer,
    csv,
    grouping,
    bursts,
  };
  writeFileSync(
    ROUND_ONLY ? "bench/campaigns-round-results.json" : "bench/campaigns-results.json",
    JSON.stringify(results, null, 2),
  );

  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(
    `\n${results.machine}, ${results.date}, commit ${results.commit}, load ${f(loadBefore)} → ${f(os.loadavg()[0]!)}`,
  );
  console.log(
    `${PROPOSALS} proposals over 300 articles (seeded in ${f(setup.seedSeconds)} s); ${WARMUP} warm-up + ${RUNS} sequential requests each.\n`,
  );
  console.log("| scenario | result | goal |");
  console.log("| --- | --- | --- |");
  for (const row of rows) {
    console.log(
      `| ${row.label} | p50 ${f(row.p50)} ms, p95 ${f(row.p95)} ms; first request ${f(row.firstMs)} ms (${row.note}) | p95 ≤ ${row.key === "search" ? 200 : 300} ms |`,
    );
  }
  console.log(
    `| group answer of ${groupAnswer.proposals} proposals (model, batches of 1,000) | ${f(groupAnswer.seconds, 2)} s | ≤ 30 s for 100,000 |`,
  );
  console.log(
    `| summary CSV (${f(csv.mb)} MB): first byte, whole file; platform memory growth | ${csv.firstMs.map((ms) => f(ms, 0)).join(" / ")} ms; ${csv.totalMs.map((ms) => f(ms / 1000)).join(" / ")} s; +${f(csv.growthMb, 0)} MB | first byte ≤ 1 s, +≤ 200 MB |`,
  );
  for (const cost of grouping?.costs ?? []) {
    console.log(
      `| grouping, per submission, ${cost.existing} proposals already in the round (${cost.bandRows} band rows) | ${f(cost.msPerProposal, 2)} ms | flat |`,
    );
  }
  const q = grouping?.quality;
  if (q)
    console.log(
      `| grouping quality (${q.campaigns} campaigns × ${q.variants}, ${q.distinct} distinct, four scripts) | ${f(q.variantsGroupedShare * 100, 2)} % of variants grouped, ${f(q.distinctWronglyGroupedShare * 100, 2)} % of distinct wrongly grouped | ≥ 99 %, ≤ 0.1 % |`,
    );
  for (const burst of bursts) {
    console.log(
      burst.skipped
        ? `| proposal burst, ${burst.kind} | skipped: ${burst.skipped} | |`
        : `| proposal burst, ${burst.kind} (200 participants, 100/s for ${BURST_SECONDS} s, model calls) | p50 ${f(burst.p50)} ms, p99 ${f(burst.p99)} ms, max ${f(burst.max)} ms; ${burst.stored}/${burst.scheduled} stored, ${burst.lost} lost, ${burst.errors} errors, ${burst.ungrouped} ungrouped; ${burst.cpuMsPerSubmission.toFixed(1)} ms CPU per submission; load ${burst.loadAverage.before.toFixed(1)}→${burst.loadAverage.after.toFixed(1)} | p99 ≤ 200 ms, 0 lost, 0 errors |`,
    );
  }
  process.exit(0);
}

await main();
