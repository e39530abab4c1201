import { Extension } from "@tiptap/core";
import type { EditorState } from "@tiptap/pm/state";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node as PMNode } from "@tiptap/pm/model";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { type ElementKind, type PassageAnchor, type YType } from "./anchors";
import { PassageMap } from "./passage-map";

export type HighlightThread = {
  id: string;
  articleId?: string;
  anchorStart: string | null;
  anchorEnd: string | null;
  quote?: string | null;
  status: string;
};
type HighlightState = { threads: HighlightThread[]; activeId: string | null; decorations: DecorationSet };

/** Where a thread's passage is in the editor now, and the article that now contains its words. */
export type PassageRange = { from: number; to: number; articleId: string | null };

export const commentHighlightsKey = new PluginKey<HighlightState>("commentHighlights");

/** What y-prosemirror keeps in its plugin state: the shared document and which editor node renders which Yjs type. */
export type ProsemirrorMapping = Map<YType, PMNode | PMNode[]>;
type SyncState = { doc: Y.Doc; type: Y.XmlFragment; binding?: { mapping: ProsemirrorMapping } };

function syncState(state: EditorState): Required<SyncState> | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  return sync?.binding ? (sync as Required<SyncState>) : null;
}

/**
 * The Yjs text laid out exactly as the editor renders it: the editor's node mapping tells
 * line breaks (one position) from elements with content, and which elements it dropped.
 */
export function editorPassageMap(doc: Y.Doc, fragment: Y.XmlFragment, mapping: ProsemirrorMapping): PassageMap {
  const kind: ElementKind = (element) => {
    const node = mapping.get(element);
    if (!node || Array.isArray(node)) return "skip";
    return node.isLeaf ? "leaf" : "container";
  };
  return new PassageMap(doc, fragment, kind);
}

/** Where each anchored thread's passage is now; absent when its words are gone. */
export function passageRanges(map: PassageMap, threads: HighlightThread[]): Map<string, PassageRange> {
  const ranges = new Map<string, PassageRange>();
  for (const thread of threads) {
    if (!thread.anchorStart || !thread.anchorEnd) continue;
    const passage = map.resolve(
      { start: thread.anchorStart, end: thread.anchorEnd },
      { quote: thread.quote, articleId: thread.articleId },
    );
    if (passage) ranges.set(thread.id, { from: passage.from, to: passage.to, articleId: passage.articleId });
  }
  return ranges;
}

/**
 * Where each anchored thread's passage is in the editor now (any number of paragraphs,
 * parts and line breaks). Resolved in Yjs terms (anchors.ts, the code the anchoring tests
 * exercise), so call it when the shared document reflects the editor (after a transaction
 * has been applied, as the editor's "update" event is).
 */
export function threadRanges(state: EditorState, threads: HighlightThread[]): Map<string, PassageRange> {
  const sync = syncState(state);
  if (!sync || !threads.some((t) => t.anchorStart && t.anchorEnd)) return new Map();
  const ranges = passageRanges(editorPassageMap(sync.doc, sync.type, sync.binding.mapping), threads);
  const size = state.doc.content.size;
  for (const [id, range] of ranges) if (range.to > size) ranges.delete(id);
  return ranges;
}

export type SelectedPassage = {
  anchor: PassageAnchor;
  from: number;
  to: number;
  quote: string;
  articleId: string | null;
};

/**
 * Anchors for a range of the editor (across paragraphs, parts and line breaks), trimmed
 * to its first and last character; null when it holds no text (the comment then attaches
 * to the article as a whole).
 */
export function passageForRange(map: PassageMap, from: number, to: number): SelectedPassage | null {
  const passage = map.anchorFor(from, to);
  return passage ? { ...passage, articleId: map.articleAt(passage.from) } : null;
}

/** Anchors for the current selection; null when it is empty or holds no text. */
export function selectionPassage(state: EditorState): SelectedPassage | null {
  const { from, to } = state.selection;
  const sync = syncState(state);
  if (!sync || from === to) return null;
  return passageForRange(editorPassageMap(sync.doc, sync.type, sync.binding.mapping), from, to);
}

/** The thread whose highlighted passage holds the cursor (the active one first, else the narrowest). */
export function threadAtSelection(state: EditorState): string | null {
  const plugin = commentHighlightsKey.getState(state);
  if (!plugin) return null;
  const { from, to } = state.selection;
  const found = plugin.decorations
    .find(from, to)
    .filter((d) => d.from <= from && to <= d.to)
    .map((d) => ({ id: (d.spec as { threadId: string }).threadId, size: d.to - d.from }));
  const active = found.find((d) => d.id === plugin.activeId);
  return (active ?? found.sort((a, b) => a.size - b.size)[0])?.id ?? null;
}

function buildDecorations(
  state: EditorState,
  threads: HighlightThread[],
  activeId: string | null,
  hint: string,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [id, range] of threadRanges(state, threads)) {
    const resolved = threads.find((t) => t.id === id)?.status === "RESOLVED";
    if ((resolved && id !== activeId) || range.from >= range.to) continue;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: `comment-highlight${id === activeId ? " is-active" : ""}`,
          "data-thread-id": id,
          ...(hint ? { title: hint } : {}),
        },
        { threadId: id },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

type Options = {
  /** Opens a thread: from a click on its passage, or from the keyboard (Alt+Enter with the cursor in it). */
  onOpenThread: (id: string, via: "pointer" | "keyboard") => void;
  /** Tooltip on highlighted passages (translated by the page). */
  hint: string;
};

/**
 * Highlights commented passages. Recomputed from the relative positions whenever the
 * threads change and after every remote transaction: mapping decorations through a
 * whole-document remote change makes them drift (y-prosemirror#113). A local edit is
 * applied to the editor before y-prosemirror writes it into Yjs, so there the highlights
 * are mapped through the edit (exact for one's own steps) and recomputed on the next sync.
 */
export const CommentHighlights = Extension.create<Options>({
  name: "commentHighlights",
  addOptions: () => ({ onOpenThread: () => undefined, hint: "" }),
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => ({ threads: [], activeId: null, decorations: DecorationSet.create(state.doc, []) }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(commentHighlightsKey) as Partial<HighlightState> | undefined;
            const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
            const threads = meta?.threads ?? value.threads;
            const activeId = meta && "activeId" in meta ? (meta.activeId ?? null) : value.activeId;
            if (meta || sync?.isChangeOrigin) {
              return { threads, activeId, decorations: buildDecorations(state, threads, activeId, options.hint) };
            }
            if (tr.docChanged) return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
            return value;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick: (_view, _pos, event) => {
            const target = (event.target as HTMLElement | null)?.closest?.("[data-thread-id]");
            const id = target?.getAttribute("data-thread-id");
            if (id) options.onOpenThread(id, "pointer");
            return false;
          },
          handleKeyDown: (view, event) => {
            if (event.key !== "Enter" || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
              return false;
            const id = threadAtSelection(view.state);
            if (!id) return false;
            event.preventDefault();
            options.onOpenThread(id, "keyboard");
            return true;
          },
        },
      }),
    ];
  },
});
