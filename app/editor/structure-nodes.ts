import { Node, mergeAttributes } from "@tiptap/core";

/**
 * The legal structure: chapter → article → part → point. Each carries a stable `id`
 * (see stable-ids.ts) that comments, proposals and comparisons attach to. Numbers are not
 * stored: the editor shows them with CSS counters and exports compute them (derive.ts),
 * so inserting an article renumbers the rest by itself.
 */
export const STRUCTURAL_NODE_TYPES = ["chapter", "article", "part", "point"] as const;
export type StructuralNodeType = (typeof STRUCTURAL_NODE_TYPES)[number];

const idAttribute = {
  id: {
    default: null as string | null,
    parseHTML: (element: HTMLElement) => element.getAttribute("data-id"),
    renderHTML: (attributes: { id?: string | null }) => (attributes.id ? { "data-id": attributes.id } : {}),
  },
};

function structural(name: StructuralNodeType, content: string, tag: string) {
  return Node.create({
    name,
    content,
    defining: true,
    isolating: false,
    addAttributes: () => idAttribute,
    parseHTML: () => [{ tag: `${tag}[data-type="${name}"]` }],
    renderHTML: ({ HTMLAttributes }) => [tag, mergeAttributes(HTMLAttributes, { "data-type": name, class: name }), 0],
  });
}

function title(name: string, tag: string) {
  return Node.create({
    name,
    content: "inline*",
    defining: true,
    marks: "bold italic underline",
    parseHTML: () => [{ tag: `${tag}[data-type="${name}"]` }],
    renderHTML: ({ HTMLAttributes }) => [tag, mergeAttributes(HTMLAttributes, { "data-type": name }), 0],
  });
}

export const Chapter = structural("chapter", "chapterTitle (article | block)*", "section");
export const ChapterTitle = title("chapterTitle", "h2");
export const Article = structural("article", "articleTitle (part | block)*", "section");
export const ArticleTitle = title("articleTitle", "h3");
export const Part = structural("part", "paragraph (point | block)*", "div");
export const Point = structural("point", "paragraph block*", "div");

/**
 * The document: ordinary blocks (a preamble), chapters or articles at the top level.
 * Blocks come first in the expression so that ProseMirror's filler for an empty
 * document is a paragraph, not an empty chapter.
 */
export const LegalDocument = Node.create({
  name: "doc",
  topNode: true,
  content: "(block | chapter | article)+",
});
