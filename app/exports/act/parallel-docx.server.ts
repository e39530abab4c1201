import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { serverT } from "~/i18n/server-t.server";
import { parallelRows } from "~/texts/parallel-units";
import { officialPage, officialStyles, scriptRuns, textWidth } from "../official/official-docx.server";
import { footerFacts, titleBlockLines } from "./act-facts";
import { ActWriter } from "./act-docx.server";
import { columnHeading, type TextSetMember } from "./text-set.server";

/** 11 pt in two columns, 10 pt in three or more (half-points). */
const bodySize = (columns: number) => (columns > 2 ? 20 : 22);

/**
 * All texts of an act as one Word document in parallel columns, the usual layout of a
 * bilingual agreement: one table, a column per text, a row per chapter heading or article
 * matched by stable id (what one text lacks is said in that column's language). Each column
 * is written in its text's language: its runs carry that `w:lang` and face, its numbers and
 * labels are that language's. The header row (language and authority) repeats on every page;
 * the footer gives each text's version, date and SHA-256.
 */
export async function textsToParallelDocx(members: TextSetMember[]): Promise<Buffer> {
  const main = members[0]!.source;
  const columns = members.length;
  const orientation = columns > 2 ? "landscape" : "portrait";
  const width = Math.floor(textWidth(orientation) / columns);
  const writers = members.map((m) => new ActWriter(m.source, new Map(), undefined, main.language));
  const cell = (children: (Paragraph | Table)[]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { left: 90, right: 90 },
      children: children.length ? children : [new Paragraph("")],
    });
  const line = (member: TextSetMember, text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: scriptRuns(text, member.source.language, options, main.language),
    });

  const header = new TableRow({
    tableHeader: true,
    children: members.map((m) => cell([line(m, columnHeading(m), { bold: true })])),
  });
  const titles = new TableRow({
    children: members.map((m) => {
      const { draftMark, kind, title } = titleBlockLines(m.source);
      return cell([
        ...(draftMark ? [line(m, draftMark, { bold: true })] : []),
        line(m, kind),
        line(m, title, { bold: true }),
      ]);
    }),
  });
  const rows = parallelRows(members.map((m) => m.source.doc)).map(
    (row) =>
      new TableRow({
        cantSplit: false,
        children: row.cells.map((unit, index) => {
          const member = members[index]!;
          if (unit) return cell(writers[index]!.unit(unit));
          const missing = serverT(member.source.language)("texts.notInThisText");
          return cell([
            new Paragraph({ children: scriptRuns(missing, member.source.language, { italics: true }, main.language) }),
          ]);
        }),
      }),
  );

  const document = new Document({
    title: main.labels.title,
    subject: main.labels.kind,
    description: members.map((m) => `${m.source.language}: SHA-256 ${m.source.sha256}`).join("; "),
    creator: "Agora",
    // Left-aligned: justified lines in a column half the page wide open wide gaps between words.
    styles: officialStyles(main.language, { size: bodySize(columns), justified: false }),
    sections: [
      {
        properties: officialPage(orientation),
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES], size: 18 })],
              }),
              ...members.map(
                (m) =>
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: scriptRuns(footerFacts(m.source), m.source.language, { size: 14 }, main.language),
                  }),
              ),
            ],
          }),
        },
        children: [
          new Table({
            width: { size: width * columns, type: WidthType.DXA },
            columnWidths: members.map(() => width),
            rows: [header, titles, ...rows],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
