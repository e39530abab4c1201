import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { STRUCTURAL_NODE_TYPES } from "./structure-nodes";

const STRUCTURAL = new Set<string>(STRUCTURAL_NODE_TYPES);

/** 12 random base-36 characters: about 62 bits, enough that two clients never collide. */
export function newNodeId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join("");
}

/**
 * Keeps every structural node's `id` present and unique. Splitting or pasting copies
 * attributes, so after any change the *later* node of a duplicate pair (in document
 * order) gets a new id; the earlier keeps its own, so comments stay where they were.
 * The rule is deterministic: if two clients fix the same duplicate at once, both rename
 * the same node, and Yjs keeps one of the two new ids.
 */
export const StableIds = Extension.create({
  name: "stableIds",
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey("stableIds"),
        appendTransaction(transactions, _oldState, newState) {
          if (!editor.isEditable || !transactions.some((tr) => tr.docChanged)) return null;
          return uniqueIdsTransaction(newState);
        },
      }),
    ];
  },
});

/**
 * The transaction that gives every structural node without an id, or with an id an
 * earlier node already has, a fresh one; null when all are present and unique.
 */
export function uniqueIdsTransaction(state: EditorState): Transaction | null {
  const seen = new Set<string>();
  const tr = state.tr;
  state.doc.descendants((node, pos) => {
    if (!STRUCTURAL.has(node.type.name)) return true;
    const id = node.attrs.id as string | null;
    if (!id || seen.has(id)) {
      const fresh = newNodeId();
      tr.setNodeMarkup(pos, undefined, { ...node.attrs, id: fresh });
      seen.add(fresh);
    } else {
      seen.add(id);
    }
    return true;
  });
  return tr.docChanged ? tr.setMeta("addToHistory", false) : null;
}
