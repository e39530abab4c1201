import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";

/** The record of a collegium review, already in the interface language: the exporter only lays out. */
export type ReviewRecord = {
  title: string;
  lines: string[];
  headers: [string, string, string];
  rows: [string, string, string][];
  tally: string;
};

const FONT = "Noto Sans";

const cell = (text: string, bold = false) =>
  new TableCell({
    children: text
      .split(/\r\n|\r|\n/)
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, font: FONT })] })),
  });

/** A Word document for the ministry's files: heading, facts, each reviewer's decision, tally. */
export async function reviewRecordToDocx(record: ReviewRecord): Promise<Buffer> {
  const document = new Document({
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun({ text: record.title, font: FONT })],
          }),
          ...record.lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, font: FONT })] })),
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: record.headers.map((h) => cell(h, true)) }),
              ...record.rows.map((r) => new TableRow({ children: r.map((text) => cell(text)) })),
            ],
          }),
          new Paragraph({ children: [new TextRun({ text: record.tally, bold: true, font: FONT })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
