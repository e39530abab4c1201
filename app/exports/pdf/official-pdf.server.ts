import PDFDocument from "pdfkit";
import type { ContentLanguage } from "../act/content-language";
import { LANGUAGE_TAG } from "../official/script-fonts";
import { fontSegments, pdfFontFiles } from "./pdf-fonts.server";

/** 1 cm in PDF points. */
export const CM_PT = 72 / 2.54;
const A4: [number, number] = [595.28, 841.89];
/** The same margins as the Word exports: 3 cm binding edge, 1.5 cm right, 2 cm top and bottom. */
const PORTRAIT = { top: 2 * CM_PT, bottom: 2 * CM_PT, left: 3 * CM_PT, right: 1.5 * CM_PT };
const LANDSCAPE = { top: 3 * CM_PT, bottom: 1.5 * CM_PT, left: 2 * CM_PT, right: 2 * CM_PT };
const CELL_PADDING = 3;
/** Line height as a multiple of the type size. */
const LINE_HEIGHT = 1.3;

type Piece = { text: string; font: string; width: number };
/** `space`: the width of a space in the face of the word's last piece (the space is set in it). */
type Word = { pieces: Piece[]; width: number; spaceAfter: boolean; space: number };
type Line = { words: Word[]; width: number; available: number; indent: number };

export type TextOptions = {
  size?: number;
  bold?: boolean;
  align?: "left" | "center" | "right" | "justify";
  /** Left indent of every line, in points. */
  indent?: number;
  /** Extra indent of the first line, in points. */
  firstLine?: number;
  spaceBefore?: number;
  spaceAfter?: number;
};

export type PdfMetadata = {
  title: string;
  subject: string;
  sha256: string | null;
  language: ContentLanguage;
  orientation: "portrait" | "landscape";
};

/**
 * An official document as PDF, made on the server with pdfkit: A4, the faces of
 * `pdf-fonts.server.ts` embedded as subsets with their Unicode maps (so the text can be
 * selected and searched in every script), the SHA-256 in the document information and, with
 * the page number, in the footer of every page.
 */
export class OfficialPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly margins: typeof PORTRAIT;

  constructor(private readonly meta: PdfMetadata) {
    this.margins = meta.orientation === "portrait" ? PORTRAIT : LANDSCAPE;
    const fonts = pdfFontFiles();
    this.doc = new PDFDocument({
      size: A4,
      layout: meta.orientation,
      margins: this.margins,
      bufferPages: true,
      // Our own face from the start: pdfkit's default (Helvetica) would be read from its AFM
      // files and has no Armenian, Georgian or Cyrillic. pdfkit takes a buffer; its types say string.
      font: fonts.get("latin-400") as unknown as string,
      lang: LANGUAGE_TAG[meta.language],
      displayTitle: true,
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Creator: "Agora",
        ...(meta.sha256 && { Keywords: `SHA-256 ${meta.sha256}` }),
      },
    });
    // A key of our own as well, for tools that read the information dictionary.
    if (meta.sha256) (this.doc.info as Record<string, unknown>).SHA256 = meta.sha256;
    for (const [name, file] of fonts) this.doc.registerFont(name, file);
  }

  /** Width between the margins, in points. */
  get width(): number {
    return this.doc.page.width - this.margins.left - this.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.margins.bottom;
  }

  /**
   * Breaks a paragraph into lines ourselves: pdfkit wraps one face at a time, and its
   * `continued` text across faces misplaces centred and justified lines. A word may be made
   * of pieces in several faces ("Գլուխ1."), and is never split.
   */
  private lines(text: string, options: TextOptions, width: number): Line[] {
    const { doc } = this;
    const size = options.size ?? 12;
    const words: Word[] = [];
    for (const segment of fontSegments(text, options.bold ?? false)) {
      for (const part of segment.text.split(/( +)/)) {
        if (part === "") continue;
        if (part.startsWith(" ")) {
          if (words.length) words[words.length - 1]!.spaceAfter = true;
          continue;
        }
        const last = words[words.length - 1];
        const piece = {
          text: part,
          font: segment.font,
          width: doc.font(segment.font).fontSize(size).widthOfString(part),
        };
        const space = doc.widthOfString(" ");
        if (last && !last.spaceAfter) {
          last.pieces.push(piece);
          last.width += piece.width;
          last.space = space;
        } else words.push({ pieces: [piece], width: piece.width, spaceAfter: false, space });
      }
    }
    const lines: Line[] = [];
    const fitted = words.flatMap((word) => (word.width > width ? this.cutWord(word, width, size) : [word]));
    let current: Line = {
      words: [],
      width: 0,
      available: width - (options.firstLine ?? 0),
      indent: options.firstLine ?? 0,
    };
    for (const word of fitted) {
      const before = current.words[current.words.length - 1];
      const extra = (before ? before.space : 0) + word.width;
      if (before && current.width + extra > current.available) {
        lines.push(current);
        current = { words: [], width: 0, available: width, indent: 0 };
      }
      current.width += (current.words.length ? before!.space : 0) + word.width;
      current.words.push(word);
    }
    lines.push(current);
    return lines;
  }

  /** A word wider than its column (a long compound in a narrow cell) cut into pieces that fit. */
  private cutWord(word: Word, width: number, size: number): Word[] {
    const out: Word[] = [];
    let current: Word = { pieces: [], width: 0, spaceAfter: false, space: word.space };
    for (const piece of word.pieces) {
      this.doc.font(piece.font).fontSize(size);
      for (const char of piece.text) {
        const charWidth = this.doc.widthOfString(char);
        if (current.width + charWidth > width && current.width > 0) {
          out.push(current);
          current = { pieces: [], width: 0, spaceAfter: false, space: word.space };
        }
        const last = current.pieces[current.pieces.length - 1];
        if (last?.font === piece.font) {
          last.text += char;
          last.width += charWidth;
        } else current.pieces.push({ text: char, font: piece.font, width: charWidth });
        current.width += charWidth;
      }
    }
    out.push({ ...current, spaceAfter: word.spaceAfter });
    return out;
  }

  /** Height in points that `text` takes in a box of `width`. */
  measure(text: string, options: TextOptions, width: number): number {
    const size = options.size ?? 12;
    return this.lines(text, options, width - (options.indent ?? 0)).length * size * LINE_HEIGHT;
  }

  /**
   * One paragraph in as many faces as its scripts need. In the flow of the page it moves to a
   * new page when a line would run into the bottom margin; in a `box` (a table cell, the
   * footer) it is set where it is told.
   */
  text(text: string, options: TextOptions = {}, box?: { x: number; y: number; width: number }): void {
    const { doc } = this;
    const size = options.size ?? 12;
    const lineHeight = size * LINE_HEIGHT;
    const left = (box?.x ?? this.margins.left) + (options.indent ?? 0);
    const width = (box?.width ?? this.width) - (options.indent ?? 0);
    let y = box?.y ?? doc.y + (options.spaceBefore ?? 0);
    const lines = this.lines(text, options, width);
    lines.forEach((line, index) => {
      if (!box && y + lineHeight > this.bottom) {
        doc.addPage();
        y = this.margins.top;
      }
      const last = index === lines.length - 1;
      const gaps = line.words.length - 1;
      const slack = line.available - line.width;
      const align = options.align ?? "left";
      let x = left + line.indent;
      if (align === "center") x += slack / 2;
      if (align === "right") x += slack;
      // The spaces are written as text (widened for justified lines), so that copying and
      // search see words, not letters scattered over the line.
      const extra = align === "justify" && !last && gaps > 0 ? slack / gaps : 0;
      line.words.forEach((word, w) => {
        word.pieces.forEach((piece, p) => {
          const withSpace = w < gaps && p === word.pieces.length - 1;
          doc
            .font(piece.font)
            .fontSize(size)
            .text(withSpace ? `${piece.text} ` : piece.text, x, y, {
              lineBreak: false,
              wordSpacing: withSpace ? extra : 0,
            });
          x += piece.width + (withSpace ? word.space + extra : 0);
        });
      });
      y += lineHeight;
    });
    doc.x = this.margins.left;
    doc.y = y + (options.spaceAfter ?? 0);
  }

  /** Starts a new page when fewer than `points` are left, so a heading is not left alone at the foot. */
  keepRoom(points: number): void {
    if (this.doc.y + points > this.bottom) this.doc.addPage();
  }

  /**
   * A table with fixed column widths (points), the header row repeated on each new page and
   * an optional bold closing row. Rows are measured before they are drawn, so a row that
   * does not fit starts the next page instead of running over the footer.
   */
  table(widths: number[], header: string[], rows: string[][], options: { size: number; footer?: string[] }): void {
    const { doc } = this;
    const drawRow = (cells: string[], bold: boolean) => {
      const height =
        Math.max(
          ...cells.map((cell, i) =>
            cell
              .split(/\r\n|\r|\n/)
              .reduce(
                (sum, line) => sum + this.measure(line, { size: options.size, bold }, widths[i]! - 2 * CELL_PADDING),
                0,
              ),
          ),
        ) +
        2 * CELL_PADDING;
      if (doc.y + height > this.bottom && !bold) {
        doc.addPage();
        drawRow(header, true);
      }
      const top = doc.y;
      let bottom = top;
      let x = this.margins.left;
      cells.forEach((cell, i) => {
        const width = widths[i]!;
        this.text(
          cell,
          { size: options.size, bold },
          { x: x + CELL_PADDING, y: top + CELL_PADDING, width: width - 2 * CELL_PADDING },
        );
        bottom = Math.max(bottom, doc.y + CELL_PADDING);
        x += width;
      });
      x = this.margins.left;
      for (const width of widths) {
        doc
          .rect(x, top, width, bottom - top)
          .lineWidth(0.5)
          .stroke();
        x += width;
      }
      doc.x = this.margins.left;
      doc.y = bottom;
    };
    drawRow(header, true);
    for (const row of rows) drawRow(row, false);
    if (options.footer) drawRow(options.footer, true);
    doc.y += 12;
  }

  /** Writes "n / total" and the identifying facts at the foot of every page, then the file. */
  async finish(facts: string): Promise<Buffer> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      // Writing inside the bottom margin must not open a new page.
      doc.page.margins.bottom = 0;
      const y = doc.page.height - bottomMargin + 0.4 * CM_PT;
      this.text(
        `${i + 1} / ${range.count}`,
        { size: 9, align: "center" },
        { x: this.margins.left, y, width: this.width },
      );
      if (facts) this.text(facts, { size: 7, align: "center" }, { x: this.margins.left, y: y + 12, width: this.width });
      doc.page.margins.bottom = bottomMargin;
    }
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve, reject) => {
      doc.on("end", resolve);
      doc.on("error", reject);
    });
    doc.end();
    await done;
    return Buffer.concat(chunks);
  }
}
