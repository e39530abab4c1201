import { plainTextOf, type DocNode } from "./document-json";

export type OutlineEntry = {
  type: "chapter" | "article";
  id: string;
  /** Chapters and articles are numbered separately, articles continuously through the act. */
  number: number;
  title: string;
  /** For an article: the id of the chapter it is in, if any. */
  chapterId: string | null;
};

/**
 * Chapters and articles in document order with their computed numbers: what the outline
 * beside the editor shows, what comments attach to, and what exports number.
 */
export function outlineOf(doc: DocNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let chapters = 0;
  let articles = 0;
  const visit = (node: DocNode, chapterId: string | null) => {
    if (node.type === "chapter") {
      const id = String(node.attrs?.id ?? "");
      const title = node.content?.[0]?.type === "chapterTitle" ? plainTextOf(node.content[0]) : "";
      entries.push({ type: "chapter", id, number: ++chapters, title, chapterId: null });
      node.content?.forEach((child) => visit(child, id));
    } else if (node.type === "article") {
      const title = node.content?.[0]?.type === "articleTitle" ? plainTextOf(node.content[0]) : "";
      entries.push({ type: "article", id: String(node.attrs?.id ?? ""), number: ++articles, title, chapterId });
    }
  };
  doc.content?.forEach((child) => visit(child, null));
  return entries;
}

/** Ids that occur more than once: must always be empty (tests and the server check it). */
export function duplicateIds(doc: DocNode): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const visit = (node: DocNode) => {
    const id = node.attrs?.id;
    if (typeof id === "string" && ["chapter", "article", "part", "point"].includes(node.type)) {
      if (seen.has(id)) duplicates.add(id);
      seen.add(id);
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return [...duplicates];
}
