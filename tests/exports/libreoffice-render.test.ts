import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { actToDocx } from "~/exports/act/act-docx.server";
import { actSourceOf } from "~/exports/act/act-source.server";
import { textsToParallelDocx } from "~/exports/act/parallel-docx.server";
import { reviewRecordToDocx } from "~/exports/review-record-docx.server";
import { summaryToDocx } from "~/exports/summary-docx.server";
import { freshDir, libreOfficeToPdf, onPath, pdfText, pdfWords, renderPage, type PdfWord } from "../helpers/pdf-tools";
import { draft, original } from "./legal-fixture";
import { reviewRecord } from "./review-record-fixture";
import { agreementTexts } from "./parallel-fixture";
import { labels, table } from "./summary-fixture";

/** 1.5 cm in points: a column narrower than this shows slivers, not words. */
const MIN_COLUMN_POINTS = (1.5 / 2.54) * 72;

/**
 * The x of each header cell's first word, on every line that holds all of `headers`' first
 * words (each table's header row, repeated on later pages too).
 */
function headerRows(words: PdfWord[], headers: string[]): number[][] {
  const firsts = headers.map((header) => header.split(/\s+/)[0]!);
  const lines = new Map<string, PdfWord[]>();
  for (const word of words) {
    const key = `${word.page}:${Math.round(word.yMin)}`;
    lines.set(key, [...(lines.get(key) ?? []), word]);
  }
  return [...lines.values()]
    .filter((line) => firsts.every((first) => line.some((word) => word.text === first)))
    .map((line) => firsts.map((first) => line.find((word) => word.text === first)!.xMin));
}

/** Consecutive header starts are column widths (give or take the same cell padding). */
function expectColumnsWide(rows: number[][]) {
  expect(rows.length).toBeGreaterThan(0);
  for (const starts of rows) {
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(MIN_COLUMN_POINTS);
  }
}

// LibreOffice is a large install: this check runs where it is (CI installs libreoffice-writer-nogui).
describe.skipIf(!onPath("libreoffice") || !onPath("pdftotext"))("DOCX exports rendered by LibreOffice", () => {
  const dir = freshDir("docx-render-");
  const pdf = (name: string) => join(dir, `${name}.pdf`);

  beforeAll(async () => {
    const source = actSourceOf({ draft, version: null, doc: original, locale: "en" });
    const files: [string, Buffer][] = [
      ["act", await actToDocx(source)],
      ["summary", await summaryToDocx(table, labels)],
      ["record", await reviewRecordToDocx(reviewRecord)],
      ["parallel", await textsToParallelDocx(agreementTexts(true))],
    ];
    for (const [name, bytes] of files) writeFileSync(join(dir, `${name}.docx`), bytes);
    libreOfficeToPdf(
      files.map(([name]) => join(dir, `${name}.docx`)),
      dir,
    );
  }, 240_000);

  it("renders each first page to a picture", () => {
    for (const name of ["act", "summary", "record", "parallel"]) {
      expect(existsSync(pdf(name)), `${name}.pdf`).toBe(true);
      const png = renderPage(pdf(name), join(dir, name));
      expect(statSync(png).size).toBeGreaterThan(5_000);
    }
  });

  it("keeps every summary and totals column at least 1.5 cm wide", () => {
    const words = pdfWords(pdf("summary"));
    expectColumnsWide(
      headerRows(words, [
        labels.article,
        labels.quote,
        labels.proposal,
        labels.justification,
        labels.author,
        labels.organization,
        labels.decision,
        labels.answer,
      ]),
    );
    // Both totals tables (by decision, by organization): name and count side by side.
    expectColumnsWide(headerRows(words, [labels.decision, labels.count]));
    expectColumnsWide(headerRows(words, [labels.organization, labels.count]));
    // The count header is one word on one line, not broken into letters in a sliver.
    expect(words.filter((word) => word.text === labels.count).length).toBeGreaterThanOrEqual(2);
  });

  it("keeps the collegium record's columns at least 1.5 cm wide", () => {
    expectColumnsWide(headerRows(pdfWords(pdf("record")), reviewRecord.headers));
  });

  it("shows the act's title block, headings and page number", () => {
    const text = pdfText(pdf("act"));
    expect(text).toContain("ՆԱԽԱԳԻԾ");
    expect(text).toContain("Հոդված 1.");
    expect(text).toMatch(/1\s*\/\s*1/);
    expectColumnsWide(headerRows(pdfWords(pdf("act")), ["Показатель", "Срок"]));
  });

  it("sets the texts of an agreement side by side, article beside article", () => {
    const text = pdfText(pdf("parallel"));
    for (const words of ["Պատվիրակություններ", "Делегации", "Միայն հայերեն", "Только по-русски", "Перевод"]) {
      expect(text).toContain(words);
    }
    const words = pdfWords(pdf("parallel"));
    const at = (word: string) => words.find((w) => w.text === word)!;
    for (const [armenian, russian] of [
      ["Պատվիրակություններ", "Делегации"],
      ["Ընդհանուր", "Общие"],
    ] as const) {
      const [left, right] = [at(armenian), at(russian)];
      expect(left, armenian).toBeDefined();
      expect(right, russian).toBeDefined();
      // On one line (same page, same height), the Armenian column left of the Russian one.
      expect(right.page).toBe(left.page);
      expect(Math.abs(right.yMin - left.yMin)).toBeLessThan(4);
      expect(right.xMin).toBeGreaterThan(left.xMax);
    }
  });
});
