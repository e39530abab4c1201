import type { SummaryLabels, SummaryRow, SummaryTable } from "./summary-table";

/**
 * The column headers of the summary, in order. The Word export uses the same columns so
 * the two downloads of one round always agree.
 */
export function summaryHeaders(labels: SummaryLabels): string[] {
  return [
    labels.article,
    labels.quote,
    labels.proposal,
    labels.justification,
    labels.author,
    labels.organization,
    labels.decision,
    labels.answer,
  ];
}

/** One proposal as the cells under {@link summaryHeaders}: plain text, nothing omitted. */
export function summaryCells(row: SummaryRow, labels: SummaryLabels): string[] {
  return [
    `${labels.articleNumber(row.articleNumber)}. ${row.articleTitle}${row.text ? ` (${row.text})` : ""}`,
    row.quote ?? "",
    row.proposal,
    row.justification,
    row.author,
    row.organization ?? labels.onOwnBehalf,
    row.decision ? labels.decisions[row.decision] : labels.unanswered,
    row.answer,
  ];
}

/**
 * Proposals are written by the public, and a cell starting with one of these is run as a
 * formula by Excel and LibreOffice (CSV injection). A leading apostrophe makes it text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The summary table as RFC 4180 CSV: every field quoted, CRLF between records, newlines
 * inside fields kept. The UTF-8 byte order mark is what makes Excel read the file as
 * UTF-8 rather than the system code page, which would garble Armenian, Georgian and Cyrillic.
 */
export function summaryToCsv(table: SummaryTable, labels: SummaryLabels): string {
  return csvDocument([summaryHeaders(labels), ...table.rows.map((row) => summaryCells(row, labels))]);
}

/** Any table as that CSV (same quoting, formula guard and byte order mark): the moderation log too. */
export function csvDocument(records: string[][]): string {
  return "\uFEFF" + records.map((fields) => fields.map(csvField).join(",") + "\r\n").join("");
}
