import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { summaryCells, summaryHeaders } from "./summary-csv.server";
import type { SummaryLabels, SummaryTable } from "./summary-table";

/**
 * Noto Sans has Latin, Cyrillic, Armenian and Georgian glyphs, so a reader without the
 * interface's usual fonts still sees text rather than boxes. Word falls back to its own
 * fonts when Noto Sans is not installed; embedding it would make every export megabytes.
 */
const FONT = "Noto Sans";
/** 9 pt (in half-points): eight columns on a landscape page need small type. */
const TABLE_SIZE = 18;

/** A4 in twips, given portrait: docx swaps width and height for a landscape section. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 720;
/** Relative widths (twips) of the eight columns; they fill the page between the margins. */
const COLUMN_WIDTHS = [1700, 2000, 2700, 2500, 1400, 1700, 1200, 2198];

/**
 * A cell's text with its line breaks kept as paragraphs (a cell needs at least one). Font and
 * size come from the document's default style: set on every run they made a 5,000-row table
 * several times larger and slower to build (bench/rounds.ts).
 */
function cellParagraphs(text: string, bold = false): Paragraph[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => new Paragraph({ children: [bold ? new TextRun({ text: line, bold }) : new TextRun(line)] }));
}

/** Column widths are the table's (`columnWidths`), not repeated on every cell. */
function row(cells: string[], options: { header?: boolean } = {}): TableRow {
  return new TableRow({
    tableHeader: options.header,
    children: cells.map((text) => new TableCell({ children: cellParagraphs(text, options.header) })),
  });
}

/** A two-column totals table (name, count) closed by a grand-total row. */
function totalsTable(header: string, entries: [string, number][], labels: SummaryLabels): Table {
  const sum = entries.reduce((acc, [, count]) => acc + count, 0);
  return new Table({
    rows: [
      row([header, labels.count], { header: true }),
      ...entries.map(([name, count]) => row([name, String(count)])),
      row([labels.total, String(sum)]),
    ],
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun(text)] });
}

/**
 * The summary table as a Word document for the official record: landscape A4, the proposals
 * table with its header repeated on every page, then the totals by decision and by organization.
 */
export async function summaryToDocx(table: SummaryTable, labels: SummaryLabels): Promise<Buffer> {
  const proposals = new Table({
    width: { size: COLUMN_WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    rows: [row(summaryHeaders(labels), { header: true }), ...table.rows.map((r) => row(summaryCells(r, labels)))],
  });

  const document = new Document({
    styles: { default: { document: { run: { font: FONT, size: TABLE_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
          },
        },
        children: [
          heading(table.title, HeadingLevel.HEADING_1),
          new Paragraph({ children: [new TextRun(table.subtitle)] }),
          proposals,
          heading(labels.totalsByDecision, HeadingLevel.HEADING_2),
          totalsTable(
            labels.decision,
            table.totalsByDecision.map((t) => [labels.decisions[t.decision], t.count]),
            labels,
          ),
          heading(labels.totalsByOrganization, HeadingLevel.HEADING_2),
          totalsTable(
            labels.organization,
            table.totalsByOrganization.map((t) => [t.organization, t.count]),
            labels,
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
