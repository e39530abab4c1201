import type { DocNode } from "~/editor/document-json";

/**
 * The pieces of a text that parallel layouts (DOCX in columns, the print view) set side by
 * side: what stands before the first chapter or article, each chapter's heading (with the
 * blocks before its first article) and each article (with loose blocks after it). Pieces are
 * matched across texts by the stable ids they share, never by position, as the alignment is.
 */
export type TextUnit = {
  id: string;
  kind: "preamble" | "chapter" | "article";
  /** Top-level nodes to render: a chapter's node holds only its title and its loose blocks. */
  nodes: DocNode[];
  /** The text's own chapter and article counters before this piece, so numbers are this text's. */
  before: { chapter: number; article: number };
};

export type ParallelRow = { id: string; kind: TextUnit["kind"]; cells: (TextUnit | null)[] };

export function textUnits(doc: DocNode): TextUnit[] {
  const units: TextUnit[] = [];
  const counters = { chapter: 0, article: 0 };
  let current: TextUnit | null = null;
  const idOf = (node: DocNode, kind: string) =>
    typeof node.attrs?.id === "string" && node.attrs.id ? node.attrs.id : `${kind}-${units.length + 1}`;
  const start = (kind: TextUnit["kind"], id: string, node: DocNode): TextUnit => {
    const unit: TextUnit = { id, kind, nodes: [node], before: { ...counters } };
    units.push(unit);
    return unit;
  };
  const article = (node: DocNode) => {
    current = start("article", idOf(node, "article"), node);
    counters.article++;
  };
  for (const node of doc.content ?? []) {
    if (node.type === "chapter") {
      const [title, ...rest] = node.content ?? [];
      const firstArticle = rest.findIndex((child) => child.type === "article");
      const intro = firstArticle === -1 ? rest : rest.slice(0, firstArticle);
      const heading = { ...node, content: [...(title ? [title] : []), ...intro] };
      current = start("chapter", idOf(node, "chapter"), heading);
      counters.chapter++;
      for (const child of firstArticle === -1 ? [] : rest.slice(firstArticle)) {
        if (child.type === "article") article(child);
        else current!.nodes.push(child);
      }
    } else if (node.type === "article") {
      article(node);
    } else if (current) {
      (current as TextUnit).nodes.push(node);
    } else {
      current = start("preamble", "preamble", node);
    }
  }
  return units;
}

/** One row per piece: the first text's order, then pieces only later texts have; null where a text lacks it. */
export function parallelRows(docs: DocNode[]): ParallelRow[] {
  const perText = docs.map((doc) => new Map(textUnits(doc).map((unit) => [unit.id, unit])));
  const ids: string[] = [];
  const kinds = new Map<string, TextUnit["kind"]>();
  for (const units of perText) {
    for (const [id, unit] of units) {
      if (!kinds.has(id)) {
        ids.push(id);
        kinds.set(id, unit.kind);
      }
    }
  }
  return ids.map((id) => ({ id, kind: kinds.get(id)!, cells: perText.map((units) => units.get(id) ?? null) }));
}
