import type { DocNode } from "./document-json";

/**
 * The first state of a text in another language: the main text's structure with the same
 * stable ids (chapters, articles, parts and points), so the texts align article by article.
 * "copy" keeps the words as a placeholder a translator overwrites; "empty" keeps the structure
 * only (every heading and paragraph empty).
 */
export type PlaceholderMode = "copy" | "empty";

export function placeholderOf(doc: DocNode, mode: PlaceholderMode): DocNode {
  return mode === "copy" ? structuredClone(doc) : emptied(doc);
}

function emptied(node: DocNode): DocNode {
  const content = node.content ?? [];
  const inline = content.length > 0 && content.every((child) => child.type === "text" || child.type === "hardBreak");
  const { marks: _marks, ...rest } = node;
  if (inline) return { ...rest, content: [] };
  return node.content ? { ...rest, content: content.map(emptied) } : { ...rest };
}
