/** ProseMirror JSON as stored and exchanged; kept minimal so both sides can share it. */
export type DocNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};

export const text = (value: string): DocNode => ({ type: "text", text: value });
export const paragraph = (value = ""): DocNode => ({ type: "paragraph", content: value ? [text(value)] : [] });

export function article(id: string, title: string, ...body: DocNode[]): DocNode {
  return {
    type: "article",
    attrs: { id },
    content: [{ type: "articleTitle", content: title ? [text(title)] : [] }, ...(body.length ? body : [paragraph()])],
  };
}

export function chapter(id: string, title: string, ...body: DocNode[]): DocNode {
  return {
    type: "chapter",
    attrs: { id },
    content: [{ type: "chapterTitle", content: title ? [text(title)] : [] }, ...body],
  };
}

export function part(id: string, value: string, ...points: DocNode[]): DocNode {
  return { type: "part", attrs: { id }, content: [paragraph(value), ...points] };
}

export function point(id: string, value: string): DocNode {
  return { type: "point", attrs: { id }, content: [paragraph(value)] };
}

/** The concatenated text of a node, blocks separated by newlines. */
export function plainTextOf(node: DocNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  const children = (node.content ?? []).map(plainTextOf);
  const isInlineContainer = (node.content ?? []).every((c) => c.type === "text" || c.type === "hardBreak");
  return isInlineContainer ? children.join("") : children.filter((c) => c !== "").join("\n");
}
