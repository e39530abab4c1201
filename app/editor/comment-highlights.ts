import { Extension } from "@tiptap/core";
import type { EditorState } from "@tiptap/pm/state";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node as PMNode } from "@tiptap/pm/model";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { anchorInText, resolvePassage, type PassageAnchor } from "./anchors";

export type HighlightThread = { id: string; anchorStart: string | null; anchorEnd: string | null; status: string };
type HighlightState = { threads: HighlightThread[]; activeId: string | null; decorations: DecorationSet };

export const commentHighlightsKey = new PluginKey<HighlightState>("commentHighlights");

type SyncState = {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding?: { mapping: Map<Y.AbstractType<unknown>, PMNode | PMNode[]> };
};

function syncState(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  return sync?.binding ? sync : null;
}

/** Document position of a ProseMirror node instance (by identity), or null. */
function positionOf(doc: PMNode, target: PMNode): number | null {
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node === target) found = pos;
    return true;
  });
  return found;
}

/**
 * Where each anchored thread's passage is in the editor now; absent when its words are
 * gone. The passage is resolved in Yjs terms (anchors.ts, the code the anchoring tests
 * exercise) and then mapped to the paragraph that y-prosemirror rendered for it.
 */
export function threadRanges(
  state: EditorState,
  threads: HighlightThread[],
): Map<string, { from: number; to: number }> {
  const ranges = new Map<string, { from: number; to: number }>();
  const sync = syncState(state);
  if (!sync) return ranges;
  for (const thread of threads) {
    if (!thread.anchorStart || !thread.anchorEnd) continue;
    const passage = resolvePassage(sync.doc, { start: thread.anchorStart, end: thread.anchorEnd });
    const element = passage?.text.parent as Y.AbstractType<unknown> | null | undefined;
    // Offsets map one to one only when the paragraph is a single run of text (no line breaks).
    if (!passage || !(element instanceof Y.XmlElement) || element.length !== 1) continue;
    const node = sync.binding!.mapping.get(element as unknown as Y.AbstractType<unknown>);
    if (!node || Array.isArray(node)) continue;
    const position = positionOf(state.doc, node);
    if (position === null) continue;
    ranges.set(thread.id, { from: position + 1 + passage.start, to: position + 1 + passage.end });
  }
  return ranges;
}

/**
 * Anchors for the current selection when it lies inside one paragraph of plain runs; null otherwise
 * (the comment then attaches to the article as a whole, with the quoted text).
 */
export function selectionAnchor(state: EditorState): PassageAnchor | null {
  const { from, to, $from, $to } = state.selection;
  const sync = syncState(state);
  if (!sync || from === to || $from.parent !== $to.parent || !$from.parent.isTextblock) return null;
  let element: Y.AbstractType<unknown> | null = null;
  sync.binding!.mapping.forEach((node, type) => {
    if (node === $from.parent) element = type;
  });
  // A paragraph with a line break is several Yjs children: comment on the article instead.
  const children = element ? (element as Y.XmlElement).toArray() : [];
  const text = children.length === 1 ? children[0] : undefined;
  if (!(text instanceof Y.XmlText)) return null;
  return anchorInText(text, from - $from.start(), to - $from.start());
}

function buildDecorations(state: EditorState, threads: HighlightThread[], activeId: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [id, range] of threadRanges(state, threads)) {
    const resolved = threads.find((t) => t.id === id)?.status === "RESOLVED";
    if (resolved && id !== activeId) continue;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: `comment-highlight${id === activeId ? " is-active" : ""}`,
        "data-thread-id": id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights commented passages. Recomputed from the relative positions after every
 * transaction, remote ones included: mapping decorations through a whole-document remote
 * change makes them drift (y-prosemirror#113).
 */
export const CommentHighlights = Extension.create<{ onOpenThread: (id: string) => void }>({
  name: "commentHighlights",
  addOptions: () => ({ onOpenThread: () => undefined }),
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => ({ threads: [], activeId: null, decorations: DecorationSet.create(state.doc, []) }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(commentHighlightsKey) as Partial<HighlightState> | undefined;
            const threads = meta?.threads ?? value.threads;
            const activeId = meta && "activeId" in meta ? (meta.activeId ?? null) : value.activeId;
            if (!meta && !tr.docChanged) return value;
            return { threads, activeId, decorations: buildDecorations(state, threads, activeId) };
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick: (_view, _pos, event) => {
            const target = (event.target as HTMLElement | null)?.closest?.("[data-thread-id]");
            const id = target?.getAttribute("data-thread-id");
            if (id) options.onOpenThread(id);
            return false;
          },
        },
      }),
    ];
  },
});
