import { contentLanguage } from "../act/content-language";
import type { ReviewRecord } from "../review-record-docx.server";
import { OfficialPdf } from "./official-pdf.server";

/** Member, decision, remarks: the remarks get the room (as in the Word record). */
const WEIGHTS = [5, 4, 8];

/** The collegium record as PDF: portrait A4, facts, the decisions table, the tally. */
export async function reviewRecordToPdf(record: ReviewRecord, sha256: string | null): Promise<Buffer> {
  const language = contentLanguage([record.title, ...record.headers].join(" "));
  const pdf = new OfficialPdf({
    title: record.title,
    subject: record.lines[0] ?? "",
    sha256,
    language,
    orientation: "portrait",
  });
  pdf.text(record.title, { size: 13, bold: true, align: "center", spaceAfter: 10 });
  for (const line of record.lines) pdf.text(line, { size: 11, spaceAfter: 3 });
  pdf.text("", { size: 6 });
  const sum = WEIGHTS.reduce((a, b) => a + b, 0);
  pdf.table(
    WEIGHTS.map((w) => (w / sum) * pdf.width),
    record.headers,
    record.rows,
    { size: 10 },
  );
  pdf.text(record.tally, { size: 11, bold: true });
  return pdf.finish(sha256 ? `SHA-256 ${sha256}` : "");
}
