import { Extension, type CommandProps } from "@tiptap/core";
import type { ResolvedPos } from "@tiptap/pm/model";
import { newNodeId } from "./stable-ids";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    legalStructure: {
      insertChapter: () => ReturnType;
      insertArticle: () => ReturnType;
      insertPart: () => ReturnType;
      insertPoint: () => ReturnType;
    };
  }
}

/** Depth of the nearest ancestor of this type around the cursor, or -1. */
function depthOf($pos: ResolvedPos, type: string): number {
  for (let depth = $pos.depth; depth > 0; depth--) if ($pos.node(depth).type.name === type) return depth;
  return -1;
}

/**
 * Inserts a structural node after the one the cursor is in (or after the current
 * top-level block) and puts the cursor into it. Ids are fresh; numbers follow by CSS.
 */
function insertAfter(
  { state, chain }: CommandProps,
  type: "chapter" | "article" | "part" | "point",
  container: string | null,
): boolean {
  const { $from } = state.selection;
  const own = depthOf($from, type);
  let position: number;
  if (own > 0) position = $from.after(own);
  else if (container) {
    const parent = depthOf($from, container);
    if (parent < 0) return false;
    position = $from.depth > parent ? $from.after(parent + 1) : $from.end(parent);
  } else position = $from.after(1);

  const paragraph = { type: "paragraph" };
  const node =
    type === "chapter"
      ? { type, attrs: { id: newNodeId() }, content: [{ type: "chapterTitle" }] }
      : type === "article"
        ? { type, attrs: { id: newNodeId() }, content: [{ type: "articleTitle" }, paragraph] }
        : { type, attrs: { id: newNodeId() }, content: [paragraph] };
  return chain()
    .insertContentAt(position, node)
    .setTextSelection(position + 2)
    .scrollIntoView()
    .run();
}

export const StructureCommands = Extension.create({
  name: "legalStructureCommands",
  addCommands() {
    return {
      insertChapter: () => (props) => insertAfter(props, "chapter", null),
      insertArticle: () => (props) => {
        const { $from } = props.state.selection;
        const inArticle = depthOf($from, "article") > 0;
        return insertAfter(props, "article", inArticle ? null : depthOf($from, "chapter") > 0 ? "chapter" : null);
      },
      insertPart: () => (props) => insertAfter(props, "part", "article"),
      insertPoint: () => (props) => insertAfter(props, "point", "part"),
    };
  },
  addKeyboardShortcuts() {
    return {
      "Mod-Alt-1": () => this.editor.commands.insertChapter(),
      "Mod-Alt-2": () => this.editor.commands.insertArticle(),
      "Mod-Alt-3": () => this.editor.commands.insertPart(),
      "Mod-Alt-4": () => this.editor.commands.insertPoint(),
    };
  },
});
