import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { contentLanguage } from "./act/content-language";
import { officialFooter, officialPage, officialStyles, scriptRuns, textWidth } from "./official/official-docx.server";
import { columnWidths, officialTable } from "./official/official-table.server";

/** The record of a collegium review, already in the interface language: the exporter only lays out. */
export type ReviewRecord = {
  title: string;
  lines: string[];
  headers: [string, string, string];
  rows: [string, string, string][];
  tally: string;
};

/** 11 pt (in half-points). */
const BODY_SIZE = 22;
/** Member, decision, remarks: the remarks get the room. */
const WEIGHTS = [5, 4, 8];

/**
 * A Word document for the ministry's files, portrait A4 like the act it is about: heading,
 * facts, each reviewer's decision in a fixed-width table, tally; page numbers in the footer.
 */
export async function reviewRecordToDocx(record: ReviewRecord): Promise<Buffer> {
  const language = contentLanguage([record.title, ...record.headers].join(" "));
  const paragraph = (text: string, bold = false) =>
    new Paragraph({
      spacing: bold ? { before: 240 } : undefined,
      children: scriptRuns(text, language, { bold: bold || undefined }),
    });
  const document = new Document({
    title: record.title,
    creator: "Agora",
    styles: officialStyles(language, { size: BODY_SIZE, justified: false }),
    sections: [
      {
        properties: officialPage("portrait"),
        footers: officialFooter("", language),
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: scriptRuns(record.title, language) }),
          ...record.lines.map((line) => paragraph(line)),
          officialTable({
            widths: columnWidths(WEIGHTS, textWidth("portrait")),
            header: record.headers,
            rows: record.rows,
            language,
          }),
          paragraph(record.tally, true),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
