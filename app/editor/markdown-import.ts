import type { DocNode } from "./document-json";
import { buildLegalDocument, type ImportBlock } from "./structure-builder";

/**
 * Turns a Markdown (or plain-text) file into the legal structure: `# ` headings and lines
 * like "Chapter 2." become chapters, `## ` headings and lines like "Article 5. Scope"
 * articles, "1." and "1)" lines inside an article parts and points, bullet items and other
 * lines paragraphs. Text before the first heading is the preamble. Formatting marks are
 * kept as text (never HTML).
 */
export function markdownToDocument(markdown: string): DocNode {
  const blocks: ImportBlock[] = markdown
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((raw) => raw.trim())
    .filter(Boolean)
    .map((line) => {
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      return heading
        ? { kind: "heading", level: heading[1]!.length, text: heading[2]! }
        : { kind: "line", text: line.replace(/^[-*+]\s+/, "") };
    });
  return buildLegalDocument(blocks);
}
