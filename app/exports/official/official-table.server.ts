import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import type { ContentLanguage } from "../act/content-language";
import { CM, scriptRuns } from "./official-docx.server";

/** The narrowest column we lay out: below it LibreOffice and Word show slivers, not text. */
export const MIN_COLUMN_WIDTH = Math.round(1.5 * CM);

/**
 * Column widths in twips that fill `total`, in the proportions of `weights`, none narrower
 * than 1.5 cm (a table too narrow for that many columns would need another orientation).
 */
export function columnWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.max(MIN_COLUMN_WIDTH, Math.floor((w / sum) * total)));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** A cell's text with its line breaks kept as paragraphs (a cell needs at least one). */
function cellParagraphs(text: string, language: ContentLanguage, options: { bold?: boolean; alignRight?: boolean }) {
  return text.split(/\r\n|\r|\n/).map(
    (line) =>
      new Paragraph({
        alignment: options.alignRight ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: scriptRuns(line, language, { bold: options.bold || undefined }),
      }),
  );
}

export type OfficialTableOptions = {
  widths: number[];
  header: string[];
  rows: string[][];
  language: ContentLanguage;
  /** A closing "Total" row, in bold. */
  footer?: string[];
  /** Columns of numbers, aligned right. */
  numericColumns?: number[];
};

/**
 * A table with a fixed layout: the grid (`w:tblGrid`) and the header cells carry the widths,
 * so Word and LibreOffice both lay it out as written instead of guessing (a grid-less table
 * came out as 2 mm slivers in LibreOffice); the header row repeats on every page. Only the
 * header names widths per cell: on every cell they made a 5,000-row table much larger.
 */
export function officialTable(options: OfficialTableOptions): Table {
  const { widths, language } = options;
  const numeric = new Set(options.numericColumns ?? []);
  const row = (cells: string[], kind: "header" | "body" | "footer") =>
    new TableRow({
      tableHeader: kind === "header" || undefined,
      cantSplit: kind !== "body" || undefined,
      children: cells.map(
        (text, index) =>
          new TableCell({
            ...(kind === "header" && { width: { size: widths[index]!, type: WidthType.DXA } }),
            children: cellParagraphs(text, language, {
              bold: kind !== "body",
              alignRight: kind !== "header" && numeric.has(index),
            }),
          }),
      ),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      row(options.header, "header"),
      ...options.rows.map((cells) => row(cells, "body")),
      ...(options.footer ? [row(options.footer, "footer")] : []),
    ],
  });
}
