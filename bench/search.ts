/**
 * `npm run bench:search`: search over 2,000 drafts and 100,000 comments (plus 500 rounds and
 * 10,000 proposals) on SQLite (FTS5) and on PostgreSQL (tsvector + GIN), p50/p95 of one
 * search as the page runs it (counts per kind + the first 20 hits, visibility applied),
 * for several queries and viewers. References in the same run, same database: a lookup of
 * a draft by its primary key, and a `LIKE '%word%'` count over the folded text (what search
 * would cost without a full-text index). Prints a Markdown table for docs/benchmarks.md.
 *
 * PostgreSQL: BENCH_BENCH_POSTGRES_URL (postgresql://postgres@127.0.0.1:5432/test), in a schema of
 * its own that is dropped afterwards; skipped when it does not answer.
 * Environment: BENCH_RUNS (30), BENCH_WARMUP (3), BENCH_DRAFTS, BENCH_COMMENTS.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { loadActorIn } from "../app/models/accounts/actors.server";
import type { MaybeActor } from "../app/policies";
import { searchBackendFor } from "../app/search/search-backends.server";
import { search } from "../app/search/search.server";
import { createDb, type Db } from "../app/utils/db.server";
import { applyMigrations } from "../app/utils/migrations.server";
import { Histogram } from "./lib/histogram";
import { BENCH_POSTGRES_URL, dropSchema, postgresAnswers } from "./lib/postgres";
import { SIZES, writeCorpus } from "./search/fixture";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);

const QUERIES = [
  { label: "common word (ru)", q: "бюджет" },
  { label: "prefix, 3 letters (hy)", q: "համ" },
  { label: "two words (ka, Mtavruli)", q: "ᲑᲘᲣᲯᲔᲢᲘ ᲡᲐᲙᲠᲔᲑᲣᲚᲝ" },
  { label: "rare word (en)", q: "draft 1234" },
];

type Row = { database: string; query: string; viewer: string; found: number; p50: number; p95: number };

async function time(histogram: Histogram, run: () => Promise<unknown>) {
  const start = performance.now();
  await run();
  histogram.record(performance.now() - start);
}

async function measure(run: () => Promise<unknown>, runs = RUNS): Promise<Histogram> {
  for (let i = 0; i < WARMUP; i++) await run();
  const histogram = new Histogram();
  for (let i = 0; i < runs; i++) await time(histogram, run);
  return histogram;
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

async function benchDatabase(name: string, url: string, rows: Row[]) {
  await applyMigrations(url);
  const client: Db = createDb(url);
  try {
    const started = performance.now();
    const { entries } = await writeCorpus(client);
    console.error(`${name}: ${entries} entries written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // PostgreSQL's autovacuum would gather statistics soon after such a load; do it now.
    if (name === "PostgreSQL") await client.$executeRawUnsafe("ANALYZE");
    const backend = searchBackendFor(url);
    const viewers: [string, MaybeActor][] = [
      [
        "ministry staff",
        await loadActorIn(client, { id: "u-m0", isPlatformAdmin: false, emailVerifiedAt: new Date() }),
      ],
      ["NGO member", await loadActorIn(client, { id: "u-n0", isPlatformAdmin: false, emailVerifiedAt: new Date() })],
      ["signed out", null],
    ];
    for (const { label, q } of QUERIES) {
      for (const [viewer, actor] of viewers) {
        let found = 0;
        const histogram = await measure(async () => {
          const result = await search(actor, q, {}, { skip: 0, take: 20 }, "en", { client, backend });
          found = Object.values(result.counts).reduce((a, b) => a + b, 0);
        });
        rows.push({
          database: name,
          query: label,
          viewer,
          found,
          p50: histogram.percentile(50),
          p95: histogram.percentile(95),
        });
      }
    }
    const lookup = await measure(() => client.draft.findUnique({ where: { id: "d1234" } }));
    rows.push({
      database: name,
      query: "reference: draft by primary key",
      viewer: "-",
      found: 1,
      p50: lookup.percentile(50),
      p95: lookup.percentile(95),
    });
    let likeFound = 0;
    const like = await measure(async () => {
      likeFound = await client.searchEntry.count({ where: { text: { contains: "бюджет" } } });
    }, 5);
    rows.push({
      database: name,
      query: "reference: LIKE '%бюджет%' count, no visibility",
      viewer: "-",
      found: likeFound,
      p50: like.percentile(50),
      p95: like.percentile(95),
    });
  } finally {
    await client.$disconnect();
  }
}

async function main() {
  const rows: Row[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "agora-bench-search-"));
  try {
    await benchDatabase("SQLite", `file:${path.join(dir, "search.db")}`, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (await postgresAnswers()) {
    const schema = `bench_search_${process.pid}`;
    try {
      await benchDatabase("PostgreSQL", `${BENCH_POSTGRES_URL}?schema=${schema}`, rows);
    } finally {
      await dropSchema(schema);
    }
  } else {
    console.error(`PostgreSQL does not answer at ${BENCH_POSTGRES_URL}: SQLite only`);
  }
  console.log(
    `Search: ${SIZES.drafts} drafts, ${SIZES.comments} comments; ${RUNS} runs after ${WARMUP} warm-ups; ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, ${new Date().toISOString().slice(0, 16)} UTC\n`,
  );
  console.log("| Database | Query | Viewer | Results | p50 ms | p95 ms |");
  console.log("|---|---|---|---:|---:|---:|");
  for (const r of rows) {
    console.log(`| ${r.database} | ${r.query} | ${r.viewer} | ${r.found} | ${ms(r.p50)} | ${ms(r.p95)} |`);
  }
}

await main();
