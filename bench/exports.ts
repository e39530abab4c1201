/**
 * `npm run bench:exports`: the cost of comparing two versions of a 300-article draft and of
 * exporting such a draft (DOCX, and Akoma Ntoso and the DOCX import for context), against a
 * reference draft 100 times smaller (3 articles) in the same run. In process, no server: these
 * are pure functions of the document. Prints a Markdown table (copy it into
 * docs/benchmarks.md) and writes bench/exports-results.json.
 *
 * Environment: BENCH_WARMUP (3), BENCH_RUNS (15), BENCH_ARTICLES (300).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { compareVersions } from "../app/compare/compare-versions";
import { article, chapter, paragraph, part, point, type DocNode } from "../app/editor/document-json";
import { actToAkn } from "../app/exports/act/act-akn.server";
import { actToDocx } from "../app/exports/act/act-docx.server";
import { actSourceOf } from "../app/exports/act/act-source.server";
import { docxToDocument } from "../app/models/drafts/draft-import.server";

const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 300);
const PER_CHAPTER = 30;

const SENTENCE =
  "Համայնքի ղեկավարը հաշվետու ժամանակաշրջանին հաջորդող 15 օրվա ընթացքում ավագանուն է ներկայացնում հաշվետվություն բյուջեի կատարման մասին";

/** An article as ministry drafts have them: three parts, the second with three points. */
function benchArticle(id: string, n: number, variant = ""): DocNode {
  return article(
    id,
    `Հոդված ${n}-ի վերնագիր${variant}`,
    part(`${id}-p1`, `${SENTENCE} ${n}${variant}։`),
    part(
      `${id}-p2`,
      `${SENTENCE}՝`,
      point(`${id}-p2-1`, `${SENTENCE} (կետ 1)։`),
      point(`${id}-p2-2`, `${SENTENCE} (կետ 2)։`),
      point(`${id}-p2-3`, `${SENTENCE} (կետ 3)։`),
    ),
    part(`${id}-p3`, `${SENTENCE} ${n * 7}։`),
  );
}

/**
 * Version 1, and version 2 of the same draft: every 10th article has a word changed, 5 are
 * removed, 5 new ones inserted and 5 moved to the end (ids kept, as the editor keeps them).
 */
function versions(articles: number): [DocNode, DocNode] {
  const ids = Array.from({ length: articles }, (_, i) => `a${i + 1}`);
  const chaptersOf = (list: DocNode[]) => {
    const chapters: DocNode[] = [];
    for (let i = 0; i < list.length; i += PER_CHAPTER) {
      chapters.push(
        chapter(`c${i / PER_CHAPTER + 1}`, `Գլուխ ${i / PER_CHAPTER + 1}`, ...list.slice(i, i + PER_CHAPTER)),
      );
    }
    return { type: "doc", content: [paragraph(SENTENCE), ...chapters] };
  };
  const before = ids.map((id, i) => benchArticle(id, i + 1));
  const scale = Math.max(1, Math.floor(articles / 60));
  const removed = new Set(ids.filter((_, i) => i % (articles > 10 ? 60 : 2) === 7 % articles).slice(0, 5 * scale));
  const moved = new Set(ids.filter((_, i) => i % (articles > 10 ? 60 : 3) === 1).slice(0, 5 * scale));
  const after: DocNode[] = [];
  ids.forEach((id, i) => {
    if (removed.has(id) || moved.has(id)) return;
    after.push(benchArticle(id, i + 1, i % 10 === 0 ? " (փոփոխված)" : ""));
    if (i % (articles > 10 ? 60 : 3) === 30 % articles) after.push(benchArticle(`new-${i}`, i + 1000));
  });
  for (const id of moved) after.push(benchArticle(id, Number(id.slice(1))));
  return [chaptersOf(before), chaptersOf(after)];
}

type Stats = { medianMs: number; p95Ms: number };

async function measure(run: () => unknown): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

const draft = {
  id: "bench",
  titleHy: "Չափման նախագիծ",
  titleRu: null,
  titleKa: null,
  titleEn: null,
  kind: "LAW_AMENDMENT",
  status: "DRAFTING" as const,
  textLanguage: "hy",
  createdAt: new Date("2026-11-01T00:00:00Z"),
  ownerOrganization: { id: "o", slug: "mta", country: "AM", nameHy: "ՏԿԵՆ", nameRu: null, nameKa: null, nameEn: null },
};

async function main() {
  const sizes = { small: Math.max(3, Math.round(ARTICLES / 100)), big: ARTICLES };
  const rows: { key: string; label: string; small: Stats; big: Stats; note: string }[] = [];
  const docs = { small: versions(sizes.small), big: versions(sizes.big) };
  const sources = {
    small: actSourceOf({ draft, version: null, doc: docs.small[0], locale: "hy" }),
    big: actSourceOf({ draft, version: null, doc: docs.big[0], locale: "hy" }),
  };
  const files = { small: await actToDocx(sources.small), big: await actToDocx(sources.big) };

  const bigChanges = compareVersions(docs.big[0], docs.big[1]);
  const counts = Object.entries(
    bigChanges.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.status]: (acc[c.status] ?? 0) + 1 }), {}),
  )
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");

  const cases: { key: string; label: string; run: (size: "small" | "big") => unknown; note: () => string }[] = [
    {
      key: "diff",
      label: "diff of two versions (`compareVersions`)",
      run: (size) => compareVersions(docs[size][0], docs[size][1]),
      note: () => counts,
    },
    {
      key: "docx",
      label: "DOCX export (`actToDocx`)",
      run: (size) => actToDocx(sources[size]),
      note: () => `${Math.round(files.big.length / 1024)} KB`,
    },
    {
      key: "akn",
      label: "Akoma Ntoso export (`actToAkn`)",
      run: (size) => actToAkn(sources[size]),
      note: () => `${Math.round(Buffer.byteLength(actToAkn(sources.big)) / 1024)} KB`,
    },
    {
      key: "import",
      label: "DOCX import of the export (`docxToDocument`)",
      run: (size) => docxToDocument(files[size]),
      note: () => "mammoth",
    },
  ];
  for (const c of cases) {
    const small = await measure(() => c.run("small"));
    const big = await measure(() => c.run("big"));
    rows.push({ key: c.key, label: c.label, small, big, note: c.note() });
  }

  const f = (s: Stats) => `${s.medianMs.toFixed(1)} / ${s.p95Ms.toFixed(1)}`;
  console.log(
    `\nExports bench: ${sizes.big} vs ${sizes.small} articles, ${RUNS} runs after ${WARMUP} warm-up, ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}\n`,
  );
  console.log(
    `| operation | ${sizes.small} articles (median / p95 ms) | ${sizes.big} articles (median / p95 ms) | ratio (median) | notes |`,
  );
  console.log("| --- | --- | --- | --- | --- |");
  for (const r of rows) {
    console.log(
      `| ${r.label} | ${f(r.small)} | ${f(r.big)} | ${(r.big.medianMs / r.small.medianMs).toFixed(1)}× | ${r.note} |`,
    );
  }
  writeFileSync("bench/exports-results.json", JSON.stringify({ sizes, runs: RUNS, rows }, null, 2));
}

await main();
