/**
 * Writes each official export of the test fixtures (draft text, summary of proposals,
 * collegium record; DOCX and PDF) into a folder and renders the first page of each as PNG,
 * so a person can look at what a ministry receives: `npx tsx scripts/render-export-samples.ts <dir>`.
 * DOCX pages are rendered through LibreOffice (when installed), PDFs with pdftoppm.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { actToDocx } from "../app/exports/act/act-docx.server";
import { actSourceOf } from "../app/exports/act/act-source.server";
import { textsToParallelDocx } from "../app/exports/act/parallel-docx.server";
import { actToPdf } from "../app/exports/pdf/act-pdf.server";
import { reviewRecordToPdf } from "../app/exports/pdf/review-record-pdf.server";
import { summaryToPdf } from "../app/exports/pdf/summary-pdf.server";
import { reviewRecordToDocx } from "../app/exports/review-record-docx.server";
import { summaryToDocx } from "../app/exports/summary-docx.server";
import { draft, original } from "../tests/exports/legal-fixture";
import { reviewRecord } from "../tests/exports/review-record-fixture";
import { agreementTexts } from "../tests/exports/parallel-fixture";
import { labels, table } from "../tests/exports/summary-fixture";

const dir = process.argv[2] ?? "export-samples";
mkdirSync(dir, { recursive: true });

const source = actSourceOf({
  draft,
  version: null,
  doc: original,
  locale: "hy",
  now: new Date("2026-12-02T12:00:00Z"),
});
const files: [string, Buffer][] = [
  ["act.docx", await actToDocx(source)],
  ["summary.docx", await summaryToDocx(table, labels)],
  ["review-record.docx", await reviewRecordToDocx(reviewRecord)],
  ["parallel.docx", await textsToParallelDocx(agreementTexts(true))],
  ["act-server.pdf", await actToPdf(source)],
  ["summary-server.pdf", await summaryToPdf(table, labels)],
  ["review-record-server.pdf", await reviewRecordToPdf(reviewRecord, "4f5a0c1d".repeat(8))],
];
for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);

const hasLibreOffice = spawnSync("sh", ["-c", "command -v libreoffice"]).status === 0;
for (const [name] of files) {
  if (name.endsWith(".docx") && !hasLibreOffice) continue;
  if (name.endsWith(".docx")) {
    execFileSync("libreoffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, name)], {
      stdio: "ignore",
    });
  }
  const pdf = join(dir, name.replace(/\.docx$/, ".pdf"));
  const png = join(dir, name.replace(/\.(docx|pdf)$/, ""));
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, png]);
}
console.log(`Samples in ${dir}`);
