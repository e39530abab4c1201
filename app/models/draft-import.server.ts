import mammoth from "mammoth";
import type { DocNode } from "~/editor/document-json";
import { markdownToDocument } from "~/editor/markdown-import";
import { checkDocxContainer } from "./docx-container.server";
import { ImportError } from "./import-error.server";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
const decode = (html: string) =>
  html
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? "");

/**
 * A Word file as the legal structure: Word headings 1 and 2 (and lines such as
 * "Article 5. …") become chapters and articles, everything else paragraphs.
 */
export async function docxToDocument(buffer: Buffer): Promise<DocNode> {
  checkDocxContainer(buffer);
  const { value: html } = await mammoth.convertToHtml({ buffer });
  const lines: string[] = [];
  for (const match of html.matchAll(/<(h[1-6]|p|li)>([\s\S]*?)<\/\1>/g)) {
    const text = decode(match[2]!).trim();
    if (!text) continue;
    const tag = match[1]!;
    lines.push(tag === "h1" ? `# ${text}` : /^h[2-6]$/.test(tag) ? `## ${text}` : text);
  }
  return markdownToDocument(lines.join("\n"));
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
