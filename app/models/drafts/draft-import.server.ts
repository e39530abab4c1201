import mammoth from "mammoth";
import type { DocNode } from "~/editor/document-json";
import { markdownToDocument } from "~/editor/markdown-import";
import { buildLegalDocument, type ImportBlock } from "~/editor/structure-builder";
import { TITLE_PAGE_STYLE } from "~/exports/act/docx-styles";
import { checkDocxContainer } from "./docx-container.server";
import { ImportError } from "./import-error.server";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
const decode = (html: string) =>
  html
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? "");

/** Our own exports' title page is metadata, not text: mammoth drops those paragraphs. */
const STYLE_MAP = [`p[style-name='${TITLE_PAGE_STYLE.name}'] => !`];

/** A table's rows, each cell as its lines (paragraphs), header rows marked. */
function tableRows(html: string): { header: boolean; cells: string[][] }[] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => {
    const cells = [...row[1]!.matchAll(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g)];
    return {
      header: cells.length > 0 && cells.every((cell) => cell[1] === "th"),
      cells: cells.map((cell) => {
        const paragraphs = [...cell[2]!.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((p) => decode(p[1]!).trim());
        return paragraphs.length ? paragraphs : [decode(cell[2]!).trim()].filter(Boolean);
      }),
    };
  });
}

/**
 * A Word file as the legal structure: Word headings 1 and 2 (and lines such as
 * "Article 5. …") become chapters and articles, "1." and "1)" lines parts and points,
 * tables tables, everything else paragraphs. Nested tables are not supported (read as text).
 */
export async function docxToDocument(buffer: Buffer): Promise<DocNode> {
  checkDocxContainer(buffer);
  const { value: html } = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP });
  const blocks: ImportBlock[] = [];
  for (const match of html.matchAll(/<table>([\s\S]*?)<\/table>|<(h[1-6]|p|li)>([\s\S]*?)<\/\2>/g)) {
    if (match[1] !== undefined) {
      blocks.push({ kind: "table", rows: tableRows(match[1]) });
      continue;
    }
    const tag = match[2]!;
    const text = decode(match[3]!).trim();
    blocks.push(tag.startsWith("h") ? { kind: "heading", level: Number(tag[1]), text } : { kind: "line", text });
  }
  return buildLegalDocument(blocks);
}

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Picks the converter from the file name: .docx, or Markdown/plain text. Throws an
 * ImportError (with the message for the form) for a file that is not what it claims.
 */
export async function importFile(name: string, data: Buffer): Promise<DocNode> {
  if (data.length > MAX_IMPORT_BYTES) throw new ImportError("errors.fileTooLarge");
  if (name.toLowerCase().endsWith(".docx")) return docxToDocument(data);
  return markdownToDocument(textOf(data));
}

/** Markdown must be UTF-8 text: a NUL byte or an invalid sequence means a binary file. */
function textOf(data: Buffer): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(data);
    if (!text.includes("\0")) return text;
  } catch {
    // falls through to the error below
  }
  throw new ImportError("faults.importNotText");
}
