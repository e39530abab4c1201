import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorState } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { ProsemirrorMapping } from "./comment-highlights";
import type { SuggestedNodeType } from "./suggestions";

/** What holds each kind of node: a part is in an article, a point in a part, an article in the act. */
const CONTAINER: Record<SuggestedNodeType, "doc" | "article" | "part"> = {
  article: "doc",
  part: "article",
  point: "part",
};

type SyncState = { doc: Y.Doc; type: Y.XmlFragment; binding?: { mapping: ProsemirrorMapping } };

export type StructuralPlace = {
  doc: Y.Doc;
  /** The node of that kind around the cursor (what a removal removes); null when there is none. */
  element: Y.XmlElement | null;
  /** Where a new node of that kind goes: after the one around the cursor, else at the end of its container. */
  parent: Y.XmlElement | Y.XmlFragment;
  index: number;
};

/** The Yjs element the editor drew a node from. */
export function yElementOf(mapping: ProsemirrorMapping, node: PMNode): Y.XmlElement | null {
  for (const [type, rendered] of mapping) if (rendered === node && type instanceof Y.XmlElement) return type;
  return null;
}

/** The Yjs place of an article, part or point at the cursor, for a structural suggestion. */
export function structuralPlaceAt(state: EditorState, type: SuggestedNodeType): StructuralPlace | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (!sync?.binding) return null;
  const { $from } = state.selection;
  const depthOf = (name: string) => {
    for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type.name === name) return depth;
    return -1;
  };
  const own = depthOf(type);
  if (own > 0) {
    const element = yElementOf(sync.binding.mapping, $from.node(own));
    const parent = element?.parent;
    if (!element || !(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) return null;
    return { doc: sync.doc, element, parent, index: parent.toArray().indexOf(element) + 1 };
  }
  const container = CONTAINER[type];
  if (container === "doc") return { doc: sync.doc, element: null, parent: sync.type, index: sync.type.length };
  const depth = depthOf(container);
  const parent = depth > 0 ? yElementOf(sync.binding.mapping, $from.node(depth)) : null;
  return parent ? { doc: sync.doc, element: null, parent, index: parent.length } : null;
}
