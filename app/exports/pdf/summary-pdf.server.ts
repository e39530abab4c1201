import { contentLanguage } from "../act/content-language";
import { summaryCells, summaryHeaders } from "../summary-csv.server";
import type { SummaryLabels, SummaryTable } from "../summary-table";
import { CM_PT, OfficialPdf } from "./official-pdf.server";

/** Same proportions as the Word summary: the texts get the room. */
const PROPOSAL_WEIGHTS = [13, 15, 20, 18, 10, 12, 9, 18];
const TOTALS_WIDTHS = [9.6 * CM_PT, 2.4 * CM_PT];

function fill(weights: number[], width: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / sum) * width);
}

/** The summary of proposals as PDF: landscape A4, the proposals table, then both totals tables. */
export async function summaryToPdf(table: SummaryTable, labels: SummaryLabels): Promise<Buffer> {
  const language = contentLanguage(summaryHeaders(labels).join(" "));
  const pdf = new OfficialPdf({
    title: table.title,
    subject: table.subtitle,
    sha256: null,
    language,
    orientation: "landscape",
  });
  pdf.text(table.title, { size: 12, bold: true, align: "center", spaceAfter: 6 });
  pdf.text(table.subtitle, { size: 9, spaceAfter: 8 });
  pdf.table(
    fill(PROPOSAL_WEIGHTS, pdf.width),
    summaryHeaders(labels),
    table.rows.map((row) => summaryCells(row, labels)),
    { size: 8 },
  );
  const totals = (heading: string, header: string, entries: [string, number][]) => {
    pdf.keepRoom(60);
    pdf.text(heading, { size: 11, bold: true, spaceBefore: 6, spaceAfter: 4 });
    pdf.table(
      TOTALS_WIDTHS,
      [header, labels.count],
      entries.map(([name, count]) => [name, String(count)]),
      { size: 9, footer: [labels.total, String(entries.reduce((sum, [, count]) => sum + count, 0))] },
    );
  };
  totals(
    labels.totalsByDecision,
    labels.decision,
    table.totalsByDecision.map((t) => [labels.decisions[t.decision], t.count]),
  );
  totals(
    labels.totalsByOrganization,
    labels.organization,
    table.totalsByOrganization.map((t) => [t.organization, t.count]),
  );
  return pdf.finish(table.subtitle);
}
