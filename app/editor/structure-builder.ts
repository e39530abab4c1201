import { article, chapter, paragraph, type DocNode } from "./document-json";
import { classifyLine, headingTitle } from "./plain-text-structure";
import { newNodeId } from "./stable-ids";

/**
 * What importers read from a file, in order: explicit headings (Word heading styles,
 * Markdown `#`), ordinary lines, and tables (rows of cells of lines).
 */
export type ImportBlock =
  | { kind: "heading"; level: number; text: string }
  | { kind: "line"; text: string }
  | { kind: "table"; rows: { header: boolean; cells: string[][] }[] };

/** "2. text" opens a part, "3) text" a point: the numbering our exports and ministry files write. */
const PART = /^(\d+)\.(?:\s+([\s\S]*))?$/;
const POINT = /^(\d+)\)(?:\s+([\s\S]*))?$/;

function tableNode(rows: { header: boolean; cells: string[][] }[]): DocNode {
  return {
    type: "table",
    content: rows.map((row) => ({
      type: "tableRow",
      content: row.cells.map((lines) => ({
        type: row.header ? "tableHeader" : "tableCell",
        content: (lines.length ? lines : [""]).map((line) => paragraph(line)),
      })),
    })),
  };
}

/**
 * Builds the legal structure from imported blocks. Level-1 headings and lines like
 * "Chapter 2." open chapters, other headings and lines like "Article 5. Scope" articles.
 * Inside an article "1. …" opens a part and "1) …" a point of the current part (the
 * numbers are dropped: the editor numbers); other lines and tables go to the innermost open
 * part, article or chapter, or before the first heading into the preamble. Every node gets a
 * fresh stable id.
 */
export function buildLegalDocument(blocks: ImportBlock[]): DocNode {
  const content: DocNode[] = [];
  let currentChapter: DocNode | null = null;
  let currentArticle: DocNode | null = null;
  let currentPart: DocNode | null = null;
  const container = () => (currentPart ?? currentArticle ?? currentChapter)?.content ?? content;

  for (const block of blocks) {
    if (block.kind === "table") {
      if (block.rows.length) container().push(tableNode(block.rows));
      continue;
    }
    const text = block.text.trim();
    if (!text) continue;
    const kind = classifyLine(text);
    const title = kind === "text" ? text : headingTitle(text);
    const isHeading = block.kind === "heading";
    if ((isHeading && block.level === 1) || kind === "chapter") {
      currentChapter = chapter(newNodeId(), title);
      currentArticle = currentPart = null;
      content.push(currentChapter);
    } else if (isHeading || kind === "article") {
      currentArticle = article(newNodeId(), title);
      currentArticle.content = currentArticle.content!.slice(0, 1);
      currentPart = null;
      (currentChapter?.content ?? content).push(currentArticle);
    } else if (currentArticle && PART.test(text)) {
      currentPart = { type: "part", attrs: { id: newNodeId() }, content: [paragraph(PART.exec(text)![2] ?? "")] };
      currentArticle.content!.push(currentPart);
    } else if (currentPart && POINT.test(text)) {
      const point = { type: "point", attrs: { id: newNodeId() }, content: [paragraph(POINT.exec(text)![2] ?? "")] };
      currentPart.content!.push(point);
    } else {
      container().push(paragraph(text));
    }
  }
  // Every article needs a body and the document at least one block.
  const fill = (node: DocNode) => {
    if (node.type === "article" && node.content!.length === 1) node.content!.push(paragraph());
    node.content?.forEach(fill);
  };
  content.forEach(fill);
  return { type: "doc", content: content.length ? content : [paragraph()] };
}
