import { plainTextOf, type DocNode } from "~/editor/document-json";
import { footerFacts, titleBlockLines } from "../act/act-facts";
import type { ActSource } from "../act/act-source.server";
import { CM_PT, OfficialPdf } from "./official-pdf.server";

const BODY = 12;
const FIRST_LINE = 1.25 * CM_PT;
const POINT_INDENT = CM_PT;

/**
 * Walks the legal structure as the Word export does (chapters, articles with their numbers
 * in the text's language, parts "1.", points "1)", tables) and sets it on the page.
 */
class ActPdfWriter {
  private chapter = 0;
  private article = 0;

  constructor(
    private readonly pdf: OfficialPdf,
    private readonly source: ActSource,
  ) {}

  blocks(nodes: DocNode[] | undefined, scope = { part: 0, point: 0 }): void {
    for (const node of nodes ?? []) this.block(node, scope);
  }

  private block(node: DocNode, scope: { part: number; point: number }): void {
    const { labels } = this.source;
    switch (node.type) {
      case "chapter": {
        const [title, ...rest] = node.content ?? [];
        this.heading(labels.chapterNumber(++this.chapter), title, "center");
        return this.blocks(rest);
      }
      case "article": {
        const [title, ...rest] = node.content ?? [];
        this.heading(labels.articleNumber(++this.article), title, "left");
        return this.blocks(rest, { part: 0, point: 0 });
      }
      case "part":
        scope.part++;
        scope.point = 0;
        return this.numbered(node, `${scope.part}.`, { firstLine: FIRST_LINE }, scope);
      case "point":
        return this.numbered(node, `${++scope.point})`, { indent: POINT_INDENT }, scope);
      case "paragraph":
        return this.pdf.text(plainTextOf(node), { size: BODY, align: "justify", firstLine: FIRST_LINE, spaceAfter: 4 });
      case "bulletList":
      case "orderedList":
        (node.content ?? []).forEach((item, index) => {
          const [first, ...rest] = item.content ?? [];
          const marker = node.type === "bulletList" ? "•" : `${index + 1}.`;
          this.pdf.text(`${marker} ${first ? plainTextOf(first) : ""}`, {
            size: BODY,
            indent: POINT_INDENT,
            spaceAfter: 2,
          });
          this.blocks(rest, scope);
        });
        return;
      case "table":
        return this.table(node);
      default:
        return this.blocks(node.content, scope);
    }
  }

  private heading(number: string, title: DocNode | undefined, align: "left" | "center"): void {
    const text = title ? plainTextOf(title) : "";
    this.pdf.keepRoom(4 * BODY);
    this.pdf.text(text ? `${number} ${text}` : number, {
      size: BODY,
      bold: true,
      align,
      spaceBefore: 10,
      spaceAfter: 6,
    });
  }

  private numbered(
    node: DocNode,
    number: string,
    indent: { indent?: number; firstLine?: number },
    scope: { part: number; point: number },
  ): void {
    const [first, ...rest] = node.content ?? [];
    this.pdf.text(`${number} ${first ? plainTextOf(first) : ""}`, {
      size: BODY,
      align: "justify",
      spaceAfter: 4,
      ...indent,
    });
    this.blocks(rest, scope);
  }

  private table(node: DocNode): void {
    const rows = (node.content ?? []).map((row) => (row.content ?? []).map((cell) => plainTextOf(cell)));
    const [header = [], ...body] = rows;
    const columns = Math.max(1, ...rows.map((row) => row.length));
    const widths = Array.from({ length: columns }, () => this.pdf.width / columns);
    this.pdf.table(widths, header, body, { size: BODY - 1 });
  }
}

/**
 * A draft's text as PDF, laid out like the Word export: the centred title block, the text,
 * and on every page the page number with version, date and SHA-256 (also in the metadata).
 */
export async function actToPdf(source: ActSource): Promise<Buffer> {
  const pdf = new OfficialPdf({
    title: source.labels.title,
    subject: source.labels.kind,
    sha256: source.sha256,
    language: source.language,
    orientation: "portrait",
  });
  const { draftMark, kind, title } = titleBlockLines(source);
  if (draftMark) pdf.text(draftMark, { size: BODY, bold: true, align: "center", spaceAfter: 12 });
  pdf.text(kind, { size: BODY, bold: true, align: "center", spaceAfter: 6 });
  pdf.text(title, { size: BODY + 2, bold: true, align: "center", spaceAfter: 24 });
  new ActPdfWriter(pdf, source).blocks(source.doc.content);
  return pdf.finish(footerFacts(source));
}
