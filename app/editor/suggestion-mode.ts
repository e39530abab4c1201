import { Extension } from "@tiptap/core";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { YPoint } from "./anchors";
import { editorPassageMap, type ProsemirrorMapping } from "./comment-highlights";
import { backspaceInBreak, breakAgain, suggestParagraphBreak, typeIntoBreak } from "./paragraph-break";
import type { PassageMap } from "./passage-map";
import { yElementOf } from "./structure-suggestion";
import {
  addSuggestion,
  keyPrefixOf,
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
    // A split is placed on the words it moves (its new paragraph is drawn after theirs).
    if (isStructural(suggestion) && suggestion.kind !== "split") {
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

function decorationsFor(state: EditorState, options: SuggestionModeOptions, writing: string | null): DecorationSet {
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
    if (suggestion.kind === "split") {
      // The words that would move are struck through where they are and shown in the new paragraph.
      decorations.push(Decoration.inline(from, to, { ...common, class: "suggestion suggestion-deleted" }));
      const $end = state.doc.resolve(to);
      decorations.push(newParagraphsWidget($end.after($end.depth), suggestion, common, writing === suggestion.id));
      continue;
    }
    if (isStructural(suggestion)) {
      const decoration = structuralDecoration(state, suggestion, from, to, common, writing === suggestion.id);
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
  writing: boolean,
): Decoration | null {
  if (suggestion.kind === "remove-node") {
    const node = state.doc.nodeAt(from);
    if (!node || from + node.nodeSize !== to) return null;
    return Decoration.node(from, to, { ...common, class: "suggestion suggestion-removed-node" });
  }
  if (suggestion.node!.type === "paragraph") return newParagraphsWidget(from, suggestion, common, writing);
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

/**
 * New paragraphs (Enter while suggesting), drawn where they would go; a split's moved words end
 * the last one. While their author writes them, a drawn caret shows where the next letter goes
 * (the editor's own caret stays where Enter was pressed, and is hidden meanwhile).
 */
function newParagraphsWidget(
  at: number,
  suggestion: Suggestion,
  common: Record<string, string>,
  writing: boolean,
): Decoration {
  const paragraphs = suggestion.node!.paragraphs;
  return Decoration.widget(
    at,
    () => {
      const box = document.createElement("div");
      box.className = "suggestion suggestion-inserted-node suggestion-new-paragraph";
      box.contentEditable = "false";
      box.tabIndex = 0;
      for (const [name, value] of Object.entries(common)) box.setAttribute(name, value);
      for (const [index, words] of paragraphs.entries()) {
        const ins = document.createElement("ins");
        ins.className = "suggestion-inserted";
        ins.textContent = words;
        const last = index === paragraphs.length - 1;
        if (last && writing) {
          const caret = document.createElement("span");
          caret.className = "suggestion-caret";
          caret.setAttribute("aria-hidden", "true");
          ins.append(caret);
        }
        if (last && suggestion.kind === "split") ins.append(suggestion.quote);
        box.append(ins);
      }
      return box;
    },
    {
      side: -1,
      key: `${suggestion.id}:${paragraphs.join("\n")}:${suggestion.quote}:${writing}`,
      ignoreSelection: true,
    },
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

/**
 * Where the author's next letter in a new paragraph of theirs goes, as an editor position: for
 * a split, where it splits; for a new paragraph, the end of the one it follows. Null when the
 * suggestion is not drawn (gone, no longer applicable) or not a new paragraph.
 */
function writingPosition(state: EditorState, placed: PlacedSuggestion | undefined): number | null {
  if (!placed || placed.from === null) return null;
  const { suggestion, from } = placed;
  if (suggestion.kind === "split") return from;
  if (suggestion.kind !== "insert-node" || suggestion.node?.type !== "paragraph") return null;
  return state.doc.resolve(from).nodeBefore?.isTextblock ? from - 1 : null;
}

type Writing = { suggestion: Suggestion; doc: Y.Doc };

/** The new paragraph of one's own being written with the caret where its next letter goes, else null. */
function writingNow(state: EditorState, authorId: string, id: string | null): Writing | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (!id || !sync) return null;
  const placed = placeSuggestions(state).find((p) => p.suggestion.id === id);
  const at = writingPosition(state, placed);
  if (at === null || placed!.suggestion.authorId !== authorId) return null;
  return state.selection.empty && state.selection.head === at
    ? { suggestion: placed!.suggestion, doc: sync.doc }
    : null;
}

/**
 * The caret as the page has it. Right after a click, a tap or an arrow key the editor's own
 * selection may still be the one before (the browser reports the change later): a key handler
 * that acts at the caret reads the page's.
 */
function caretFromPage(view: EditorView): number | null {
  const selection = view.dom.ownerDocument.getSelection();
  const node = selection?.focusNode;
  if (!selection?.isCollapsed || !node || !view.dom.contains(node)) return null;
  try {
    return view.posAtDOM(node, selection.focusOffset);
  } catch {
    return null;
  }
}

/** Enter in a paragraph (or title): a new paragraph after it, or its words after the caret moved to one. */
function startParagraphBreak(view: EditorView, options: SuggestionModeOptions): string | null {
  const caret = caretFromPage(view);
  if (caret !== null && caret !== view.state.selection.head)
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, caret)));
  const sync = ySyncPluginKey.getState(view.state) as SyncState | undefined;
  const { $from, empty } = view.state.selection;
  if (!empty || !$from.parent.isTextblock || !sync?.binding) return null;
  const block = yElementOf(sync.binding.mapping, $from.parent);
  if (!block) return null;
  return suggestParagraphBreak(sync.doc, { author: options.author, block, at: $from.parentOffset })?.id ?? null;
}

/** Keys that move nothing: they leave the new paragraph being written as it is. */
const QUIET_KEYS = new Set(["Shift", "Control", "Alt", "Meta", "CapsLock", "Dead", "Process", "Unidentified"]);

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
    // The author's own new paragraph (Enter while suggesting) that their keys are writing now.
    let writing: string | null = null;
    const setWriting = (view: EditorView, id: string | null) => {
      if (writing === id) return;
      writing = id;
      if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(REFRESH, true));
    };
    const current = (view: EditorView) => writingNow(view.state, options.author.id, writing);
    return [
      new Plugin<DecorationSet>({
        key: suggestionModeKey,
        state: {
          init: (_, state) => decorationsFor(state, options, writing),
          apply: (tr: Transaction, old, _before, state) =>
            tr.docChanged || tr.getMeta(REFRESH)
              ? decorationsFor(state, options, writing)
              : old.map(tr.mapping, tr.doc),
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
          // The editor's own caret is hidden while a drawn one shows where the new paragraph's next letter goes.
          attributes: (): Record<string, string> =>
            writing && options.isSuggesting() ? { class: "suggestion-writing" } : {},
          handleTextInput: (view, from, to, text) => {
            if (!options.isSuggesting()) return false;
            const into = current(view);
            if (into && from === to) {
              if (!typeIntoBreak(into.doc, into.suggestion, text)) options.onBlocked();
              return true;
            }
            setWriting(view, null);
            return attempt(view, from, to, text, from === to ? "typing" : "other");
          },
          handlePaste: (view, event) => {
            if (!options.isSuggesting()) return false;
            const text = (event.clipboardData?.getData("text/plain") ?? "").replace(/\s*\n\s*/g, " ");
            const into = current(view);
            if (into) {
              if (!typeIntoBreak(into.doc, into.suggestion, text)) options.onBlocked();
              return true;
            }
            setWriting(view, null);
            const { from, to } = view.state.selection;
            return attempt(view, from, to, text, from === to ? "typing" : "other");
          },
          handleDOMEvents: {
            // A click on one's own new paragraph goes back to writing it; a click anywhere else ends that.
            mousedown: (view, event) => {
              if (!options.isSuggesting()) return false;
              const target = event.target instanceof Element ? event.target : null;
              const id = target?.closest(".suggestion-new-paragraph")?.getAttribute("data-suggestion-id") ?? null;
              const placed = id?.startsWith(keyPrefixOf(options.author.id))
                ? placeSuggestions(view.state).find((p) => p.suggestion.id === id)
                : undefined;
              const at = writingPosition(view.state, placed);
              if (id && at !== null) {
                event.preventDefault();
                view.focus();
                view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)));
                setWriting(view, id);
                return true;
              }
              setWriting(view, null);
              return false;
            },
          },
          handleDrop: () => options.isSuggesting(),
          handleKeyDown: (view, event) => {
            if (!options.isSuggesting()) {
              // Suggesting was switched off meanwhile: nothing is being written as a suggestion any more.
              setWriting(view, null);
              return false;
            }
            const into = current(view);
            if (event.key === "Enter" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
              // As in any editor, Enter breaks the paragraph; here the break is a suggestion.
              if (into) {
                if (!breakAgain(into.doc, into.suggestion)) options.onBlocked();
                return true;
              }
              const id = startParagraphBreak(view, options);
              if (id) setWriting(view, id);
              else options.onBlocked();
              return true;
            }
            if (into && event.key === "Backspace") {
              // At the start of the new paragraph, the break itself is taken back (the suggestion withdrawn).
              if (!backspaceInBreak(into.doc, into.suggestion)) setWriting(view, null);
              return true;
            }
            if (into && event.key === "Delete") {
              options.onBlocked();
              return true;
            }
            if (!QUIET_KEYS.has(event.key) && !(into && event.key.length === 1)) setWriting(view, null);
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
