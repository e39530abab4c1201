import { Extension } from "@tiptap/core";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { YPoint } from "./anchors";
import { editorPassageMap, type ProsemirrorMapping } from "./comment-highlights";
import type { PassageMap } from "./passage-map";
import {
  addSuggestion,
  isStructural,
  listSuggestions,
  resolveSuggestion,
  reviseSuggestion,
  type Suggestion,
} from "./suggestions";

/**
 * Suggesting in the editor: pending suggestions drawn as decorations (insertions underlined,
 * deletions struck through, in the author's colour, name and time on hover and on focus), and,
 * while suggesting, typing, deleting and pasting become suggestions instead of changes.
 * This is a convenience for honest browsers: the collab server refuses a suggester's update
 * that changes the text whatever this plugin does.
 */
export type SuggestionModeOptions = {
  author: { id: string; name: string };
  isSuggesting: () => boolean;
  colorOf: (authorId: string) => string;
  describe: (suggestion: Suggestion) => string;
  onBlocked: () => void;
};

/** Where each open suggestion is drawn now (null: no longer applicable). */
export type PlacedSuggestion =
  | { suggestion: Suggestion; from: number; to: number }
  | { suggestion: Suggestion; from: null; to: null };

export const suggestionModeKey = new PluginKey<DecorationSet>("suggestionMode");
const REFRESH = "refreshSuggestions";

type SyncState = { doc: Y.Doc; type: Y.XmlFragment; binding?: { mapping: ProsemirrorMapping } };

function passageMapOf(state: EditorState): { doc: Y.Doc; map: PassageMap } | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (!sync?.binding) return null;
  return { doc: sync.doc, map: editorPassageMap(sync.doc, sync.type, sync.binding.mapping) };
}

/** Open suggestions with their editor positions, in text order (not applicable ones last). */
export function placeSuggestions(state: EditorState): PlacedSuggestion[] {
  const found = passageMapOf(state);
  if (!found) return [];
  const { doc, map } = found;
  const size = state.doc.content.size;
  const placed: PlacedSuggestion[] = listSuggestions(doc).map((suggestion) => {
    const { place, node } = resolveSuggestion(doc, suggestion);
    if (isStructural(suggestion)) {
      // A whole node: a removal covers the element, an insertion is a point between two nodes.
      const from = node ? map.positionOf({ type: node.parent, index: node.index }) : null;
      const to = node?.element ? map.positionOf({ type: node.parent, index: node.index + 1 }) : from;
      if (from === null || to === null || to > size) return { suggestion, from: null, to: null };
      return { suggestion, from, to };
    }
    const from = place ? map.positionOf({ type: place.text, index: place.from }) : null;
    const to = place ? map.positionOf({ type: place.text, index: place.to }) : null;
    if (from === null || to === null || to > size) return { suggestion, from: null, to: null };
    return { suggestion, from, to };
  });
  const at = (p: PlacedSuggestion) => p.from ?? Number.POSITIVE_INFINITY;
  return placed.sort((a, b) => at(a) - at(b) || a.suggestion.createdAt.localeCompare(b.suggestion.createdAt));
}

function decorationsFor(state: EditorState, options: SuggestionModeOptions): DecorationSet {
  const decorations: Decoration[] = [];
  for (const placed of placeSuggestions(state)) {
    if (placed.from === null) continue;
    const { suggestion, from, to } = placed;
    const common = {
      "data-suggestion-id": suggestion.id,
      "data-tooltip": options.describe(suggestion),
      title: options.describe(suggestion),
      style: `--author-color: ${options.colorOf(suggestion.authorId)}`,
    };
    if (isStructural(suggestion)) {
      const decoration = structuralDecoration(state, suggestion, from, to, common);
      if (decoration) decorations.push(decoration);
      continue;
    }
    if (to > from) decorations.push(Decoration.inline(from, to, { ...common, class: "suggestion suggestion-deleted" }));
    if (suggestion.text) {
      decorations.push(
        Decoration.widget(
          to,
          () => {
            const ins = document.createElement("ins");
            ins.className = "suggestion suggestion-inserted";
            ins.textContent = suggestion.text;
            ins.tabIndex = 0;
            // Not editable: typed letters must reach ProseMirror (and the run), never this widget's DOM.
            ins.contentEditable = "false";
            for (const [name, value] of Object.entries(common)) ins.setAttribute(name, value);
            return ins;
          },
          { side: 1, key: `${suggestion.id}:${suggestion.text}`, ignoreSelection: true },
        ),
      );
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

/** A whole article, part or point: struck through where it is, or drawn where it would go. */
function structuralDecoration(
  state: EditorState,
  suggestion: Suggestion,
  from: number,
  to: number,
  common: Record<string, string>,
): Decoration | null {
  if (suggestion.kind === "remove-node") {
    const node = state.doc.nodeAt(from);
    if (!node || from + node.nodeSize !== to) return null;
    return Decoration.node(from, to, { ...common, class: "suggestion suggestion-removed-node" });
  }
  return Decoration.widget(
    from,
    () => {
      const box = document.createElement("div");
      box.className = `suggestion suggestion-inserted-node suggestion-new-${suggestion.node!.type}`;
      box.contentEditable = "false";
      box.tabIndex = 0;
      for (const [name, value] of Object.entries(common)) box.setAttribute(name, value);
      const { title, paragraphs } = suggestion.node!;
      for (const [index, words] of [title, ...paragraphs].entries()) {
        if (!words) continue;
        const ins = document.createElement("ins");
        ins.className = index === 0 && title ? "suggestion-inserted suggestion-node-title" : "suggestion-inserted";
        ins.textContent = words;
        box.append(ins);
      }
      return box;
    },
    { side: -1, key: `${suggestion.id}:${suggestion.text}`, ignoreSelection: true },
  );
}

/** The Yjs point of an editor position inside a paragraph's text (at its end too). */
function pointOf(map: PassageMap, position: number): YPoint | null {
  return map.pointAt(position, "start") ?? map.pointAt(position, "end");
}

/** How the edit was made: typing and single-key deletions continue the person's current run. */
export type EditGesture = "typing" | "backspace" | "forward-delete" | "other";

type Edit = { from: number; to: number; insert: string };

/**
 * The person's own open suggestion this edit continues, and the edit as one change of the
 * whole run: typing right where their insertion ends appends to it, Backspace right after it
 * takes its last letter back, and deleting next to (or over) their deletion widens it.
 */
export function continuedRun(
  placed: PlacedSuggestion[],
  authorId: string,
  edit: Edit,
  gesture: EditGesture,
): { suggestion: Suggestion; edit: Edit } | null {
  for (const p of placed) {
    if (p.from === null || p.suggestion.authorId !== authorId || isStructural(p.suggestion)) continue;
    const { suggestion } = p;
    if (gesture === "typing" && edit.from === edit.to && suggestion.text && p.to === edit.from)
      return { suggestion, edit: { from: p.from, to: p.to, insert: suggestion.text + edit.insert } };
    if (gesture === "backspace" && suggestion.text && p.to === edit.to) {
      const shorter = Array.from(suggestion.text).slice(0, -1).join("");
      return { suggestion, edit: { from: p.from, to: p.to, insert: shorter } };
    }
    if (
      (gesture === "backspace" || gesture === "forward-delete") &&
      suggestion.kind === "delete" &&
      edit.insert === "" &&
      p.from <= edit.to &&
      p.to >= edit.from
    )
      return { suggestion, edit: { from: Math.min(p.from, edit.from), to: Math.max(p.to, edit.to), insert: "" } };
  }
  return null;
}

/** Turns an edit of [from, to) into `insert` into a suggestion (or grows the current run); false when it spans paragraphs. */
function suggestEdit(view: EditorView, options: SuggestionModeOptions, asked: Edit, gesture: EditGesture): boolean {
  const found = passageMapOf(view.state);
  if (!found) return false;
  const { doc, map } = found;
  const run =
    gesture === "other" ? null : continuedRun(placeSuggestions(view.state), options.author.id, asked, gesture);
  const { from, to, insert } = run?.edit ?? asked;
  const start = pointOf(map, from);
  const end = to === from ? start : map.pointAt(to, "end");
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return false;
  if (end.index === start.index && insert === "" && !run) return false;
  const wording = { text: start.type, from: start.index, to: end.index, insert };
  // The caret goes where the next key continues the run: after the proposed words (an
  // insertion is drawn at `to`), or over what a key deleted. Set it every time, and before the
  // suggestion is written: the edit was read from the page, the editor's selection was not, and
  // may still be where it was before the last click or End key (the browser reports selection
  // changes later). Any redraw (the map's observer redraws the suggestions) puts that stale
  // selection back into the page, and the next key would start a second suggestion there.
  const caret = gesture === "backspace" && !run?.suggestion.text ? from : to;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, caret)));
  if (run) reviseSuggestion(doc, run.suggestion, wording);
  else addSuggestion(doc, { author: options.author, ...wording, articleId: map.articleAt(from) });
  return true;
}

export const SuggestionMode = Extension.create<SuggestionModeOptions>({
  name: "suggestionMode",
  addOptions() {
    return {
      author: { id: "", name: "" },
      isSuggesting: () => false,
      colorOf: () => "#555",
      describe: (s) => s.authorName,
      onBlocked: () => undefined,
    };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    const attempt = (view: EditorView, from: number, to: number, insert: string, gesture: EditGesture) => {
      if (!suggestEdit(view, options, { from, to, insert }, gesture)) options.onBlocked();
      return true;
    };
    return [
      new Plugin<DecorationSet>({
        key: suggestionModeKey,
        state: {
          init: (_, state) => decorationsFor(state, options),
          apply: (tr: Transaction, old, _before, state) =>
            tr.docChanged || tr.getMeta(REFRESH) ? decorationsFor(state, options) : old.map(tr.mapping, tr.doc),
        },
        view: (view) => {
          // Suggestions change in their own Yjs map, not in the text: redraw when they do.
          const found = passageMapOf(view.state);
          const suggestions = found?.doc.getMap("suggestions");
          const refresh = () => {
            if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(REFRESH, true));
          };
          suggestions?.observe(refresh);
          return { destroy: () => suggestions?.unobserve(refresh) };
        },
        props: {
          decorations: (state) => suggestionModeKey.getState(state),
          handleTextInput: (view, from, to, text) =>
            options.isSuggesting() ? attempt(view, from, to, text, from === to ? "typing" : "other") : false,
          handlePaste: (view, event) => {
            if (!options.isSuggesting()) return false;
            const text = event.clipboardData?.getData("text/plain") ?? "";
            const { from, to } = view.state.selection;
            return attempt(view, from, to, text.replace(/\s*\n\s*/g, " "), from === to ? "typing" : "other");
          },
          handleDrop: () => options.isSuggesting(),
          handleKeyDown: (view, event) => {
            if (!options.isSuggesting()) return false;
            const { from, to, empty } = view.state.selection;
            if (event.key === "Backspace" || event.key === "Delete") {
              const start = empty ? (event.key === "Backspace" ? from - 1 : from) : from;
              const end = empty ? (event.key === "Backspace" ? from : from + 1) : to;
              const gesture = !empty ? "other" : event.key === "Backspace" ? "backspace" : "forward-delete";
              return attempt(view, start, end, "", gesture);
            }
            if (event.key === "Enter") {
              options.onBlocked();
              return true;
            }
            return false;
          },
        },
        // Whatever else would change the text while suggesting (formatting, structure commands) is held back.
        filterTransaction: (tr) => !options.isSuggesting() || !tr.docChanged || !!tr.getMeta(ySyncPluginKey),
      }),
    ];
  },
});
