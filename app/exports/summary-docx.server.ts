import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { contentLanguage } from "./act/content-language";
import { officialFooter, officialPage, officialStyles, scriptRuns, textWidth } from "./official/official-docx.server";
import { columnWidths, officialTable } from "./official/official-table.server";
import { summaryCells, summaryHeaders } from "./summary-csv.server";
import type { SummaryLabels, SummaryTable } from "./summary-table";

/** 9 pt (in half-points): eight columns on a landscape page need small type. */
const TABLE_SIZE = 18;
/**
 * Relative widths of the eight columns (article, quote, proposal, justification, author,
 * organization, decision, answer): the texts get the room, the names and decision less.
 */
const PROPOSAL_WEIGHTS = [13, 15, 20, 18, 10, 12, 9, 18];
/** Totals: a name column and a narrow count, about 12 cm in all. */
const TOTALS_WIDTHS = columnWidths([4, 1], 12 * 567);

/**
 * The summary table as a Word document for the official record: landscape A4, the proposals
 * table with fixed column widths and its header repeated on every page, then the totals by
 * decision and by organization as two-column tables closed by a total row; page numbers in
 * the footer. Labels are the reader's (the loader translates), so their language sets the face.
 */
export async function summaryToDocx(table: SummaryTable, labels: SummaryLabels): Promise<Buffer> {
  const language = contentLanguage(summaryHeaders(labels).join(" "));
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ heading: level, children: scriptRuns(text, language) });
  const totals = (header: string, entries: [string, number][]) =>
    officialTable({
      widths: TOTALS_WIDTHS,
      header: [header, labels.count],
      rows: entries.map(([name, count]) => [name, String(count)]),
      footer: [labels.total, String(entries.reduce((sum, [, count]) => sum + count, 0))],
      numericColumns: [1],
      language,
    });

  const document = new Document({
    title: table.title,
    creator: "Agora",
    styles: officialStyles(language, { size: TABLE_SIZE, justified: false }),
    sections: [
      {
        properties: officialPage("landscape"),
        footers: officialFooter(table.subtitle, language),
        children: [
          heading(table.title, HeadingLevel.HEADING_1),
          new Paragraph({ children: scriptRuns(table.subtitle, language) }),
          officialTable({
            widths: columnWidths(PROPOSAL_WEIGHTS, textWidth("landscape")),
            header: summaryHeaders(labels),
            rows: table.rows.map((row) => summaryCells(row, labels)),
            language,
          }),
          heading(labels.totalsByDecision, HeadingLevel.HEADING_2),
          totals(
            labels.decision,
            table.totalsByDecision.map((t) => [labels.decisions[t.decision], t.count]),
          ),
          heading(labels.totalsByOrganization, HeadingLevel.HEADING_2),
          totals(
            labels.organization,
            table.totalsByOrganization.map((t) => [t.organization, t.count]),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
