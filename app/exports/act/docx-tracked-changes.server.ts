import { BuilderElement, DeletedTextRun, InsertedTextRun, type TextRun } from "docx";
import * as Y from "yjs";
import type { DocNode } from "~/editor/document-json";
import {
  isStructural,
  listSuggestions,
  resolveSuggestion,
  suggestedElements,
  type ResolvedSuggestion,
  type Suggestion,
} from "~/editor/suggestions";
import { yDocToJSON } from "~/editor/yjs-document";

/**
 * Pending suggestions as native Word tracked changes (`w:ins` / `w:del` with author and date).
 * The live document is copied and each applicable suggestion is written into the copy's text
 * between private-use markers; the DOCX writer turns marked stretches into tracked runs. The
 * export's text, hash and everything else still come from the accepted text alone.
 *
 * A whole article, part, point or paragraph proposed (insert-node) is written into the copy
 * with every word marked inserted and each paragraph's mark too (`w:pPr/w:rPr/w:ins`: Word
 * shows an inserted paragraph, and rejecting it leaves no empty line); one proposed for
 * removal has every word and paragraph mark deleted. A split (Enter inside a paragraph) is
 * Word's own: the first half's paragraph mark is inserted, the typed words too, and the moved
 * words keep their (accepted) paragraph mark.
 */
export type TrackedText = { doc: DocNode; changes: Suggestion[] };

const DELETE_START = "\uE000";
const DELETE_END = "\uE001";
const INSERT_START = "\uE002";
const INSERT_END = "\uE003";
const NUMBER_END = "\uE004";
/** At the start of a paragraph's text: its paragraph mark is inserted (or deleted) by change n. */
const MARK_INSERTED = "\uE005";
const MARK_DELETED = "\uE006";

const inserted = (n: number) => (words: string) =>
  `${MARK_INSERTED}${n}${NUMBER_END}${words ? `${INSERT_START}${n}${NUMBER_END}${words}${INSERT_END}` : ""}`;

/** Every text inside an element (its title and paragraphs). */
function textsIn(element: Y.XmlElement): Y.XmlText[] {
  return element
    .toArray()
    .flatMap((child) => (child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? textsIn(child) : []));
}

/** Whole units first, while their resolved indices hold: later parents' children first, so earlier indices stay valid. */
function writeStructural(resolved: ResolvedSuggestion[], changes: Suggestion[]): Set<Y.XmlText> {
  const removedTexts = new Set<Y.XmlText>();
  const units = resolved
    .filter((r) => r.node && r.suggestion.kind !== "split")
    .sort((a, b) => b.node!.index - a.node!.index);
  for (const { suggestion, node } of units) {
    const n = changes.push(suggestion) - 1;
    if (suggestion.kind === "insert-node") {
      node!.parent.insert(node!.index, suggestedElements(suggestion, inserted(n)));
      continue;
    }
    for (const text of textsIn(node!.element!)) {
      if (removedTexts.has(text)) continue;
      removedTexts.add(text);
      const words = text.length;
      if (words > 0) {
        text.insert(words, DELETE_END);
        text.insert(0, `${DELETE_START}${n}${NUMBER_END}`);
      }
      text.insert(0, `${MARK_DELETED}${n}${NUMBER_END}`);
    }
  }
  return removedTexts;
}

/**
 * A split: the words from `from` on move to new paragraphs after this one (the typed ones
 * inserted, then the moved words, untracked, with the paragraph's own mark); this paragraph's
 * mark becomes an inserted one.
 */
function writeSplit(text: Y.XmlText, from: number, suggestion: Suggestion, n: number): void {
  const paragraph = text.parent;
  const parent = paragraph?.parent;
  if (!(paragraph instanceof Y.XmlElement) || !(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment))
    return;
  // The moved words with their formatting, after the typed ones (marked inserted).
  const tail: { insert: string; attributes?: Record<string, unknown> }[] = [];
  let at = 0;
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== "string") continue;
    const end = at + op.insert.length;
    if (end > from) tail.push({ insert: op.insert.slice(Math.max(0, from - at)), attributes: op.attributes ?? {} });
    at = end;
  }
  text.delete(from, text.length - from);
  text.insert(0, `${MARK_INSERTED}${n}${NUMBER_END}`);
  const typed = suggestion.node!.paragraphs;
  const last = typed[typed.length - 1];
  if (last) tail.unshift({ insert: `${INSERT_START}${n}${NUMBER_END}${last}${INSERT_END}`, attributes: {} });
  const paragraphs = [...typed.slice(0, -1).map(inserted(n)), null].map((words) => {
    const element = new Y.XmlElement("paragraph");
    element.insert(0, [new Y.XmlText(words ?? "")]);
    return element;
  });
  parent.insert(parent.toArray().indexOf(paragraph) + 1, paragraphs);
  (paragraphs[paragraphs.length - 1]!.get(0) as Y.XmlText).applyDelta(tail);
}

/** `doc` is a loaded copy of the draft's document: it is changed, never stored. */
export function withTrackedChanges(doc: Y.Doc): TrackedText {
  const changes: Suggestion[] = [];
  const resolved = listSuggestions(doc).map((suggestion) => resolveSuggestion(doc, suggestion));
  const removedTexts = writeStructural(resolved, changes);
  const placed = resolved
    .filter((r) => !isStructural(r.suggestion) || r.suggestion.kind === "split")
    .flatMap((r) => (r.place && !removedTexts.has(r.place.text) ? [{ suggestion: r.suggestion, ...r.place }] : []));
  // Last first within each text, so earlier indices stay valid; overlapping ones are left out.
  placed.sort((a, b) => b.from - a.from);
  const taken = new Map<Y.XmlText, number>();
  for (const change of placed) {
    const limit = taken.get(change.text);
    if (limit !== undefined && change.to > limit) continue;
    taken.set(change.text, change.from);
    const n = changes.push(change.suggestion) - 1;
    if (change.suggestion.kind === "split") {
      writeSplit(change.text, change.from, change.suggestion, n);
      continue;
    }
    if (change.suggestion.text)
      change.text.insert(change.to, `${INSERT_START}${n}${NUMBER_END}${change.suggestion.text}${INSERT_END}`);
    if (change.to > change.from) {
      change.text.insert(change.to, DELETE_END);
      change.text.insert(change.from, `${DELETE_START}${n}${NUMBER_END}`);
    }
  }
  return { doc: yDocToJSON(doc), changes };
}

const MARKED = new RegExp(
  `${DELETE_START}(\\d+)${NUMBER_END}([^${DELETE_END}]*)${DELETE_END}|${INSERT_START}(\\d+)${NUMBER_END}([^${INSERT_END}]*)${INSERT_END}`,
  "g",
);

const PARAGRAPH_MARK = /[\uE005\uE006](\d+)\uE004/g;

export type ParagraphMark = { kind: "w:ins" | "w:del"; change: Suggestion; changes: Suggestion[] };

/** Word wants every revision's w:id distinct in the file: one counter per export (its list of changes). */
const revisionIds = new WeakMap<Suggestion[], { next: number }>();
function nextRevisionId(changes: Suggestion[]): number {
  const counter = revisionIds.get(changes) ?? { next: 1 };
  revisionIds.set(changes, counter);
  return counter.next++;
}

/** Whether a paragraph's mark is inserted or deleted by a suggestion (its text starts with the marker). */
export function paragraphMarkOf(nodes: DocNode[] | undefined, changes: Suggestion[] | undefined): ParagraphMark | null {
  if (!changes?.length) return null;
  for (const node of nodes ?? []) {
    const found = node.type === "text" ? /^([\uE005\uE006])(\d+)\uE004/.exec(node.text ?? "") : null;
    const change = found ? changes[Number(found[2])] : undefined;
    if (found && change) return { kind: found[1] === MARK_INSERTED ? "w:ins" : "w:del", change, changes };
    if (node.type !== "text") return paragraphMarkOf(node.content, changes);
    return null;
  }
  return null;
}

/** `w:rPr` with the paragraph mark's revision, for a paragraph's `w:pPr` (the docx library has no option for it). */
export function paragraphMarkRevision(mark: ParagraphMark): BuilderElement {
  return new BuilderElement({
    name: "w:rPr",
    children: [
      new BuilderElement<{ id: number; author: string; date: string }>({
        name: mark.kind,
        attributes: {
          id: { key: "w:id", value: nextRevisionId(mark.changes) },
          author: { key: "w:author", value: mark.change.authorName },
          date: { key: "w:date", value: mark.change.createdAt },
        },
      }),
    ],
  });
}

/** A run of the writer's own (a number label) in an inserted or deleted paragraph: tracked like its words. */
export function trackedLabel(words: string, mark: ParagraphMark, options: Record<string, unknown> = {}) {
  const tracked = {
    ...options,
    text: words,
    id: nextRevisionId(mark.changes),
    author: mark.change.authorName,
    date: mark.change.createdAt,
  };
  return mark.kind === "w:ins" ? new InsertedTextRun(tracked) : new DeletedTextRun(tracked);
}

/** Splits a text run's words into plain runs and tracked insertions and deletions. */
export function trackedRuns(
  text: string,
  changes: Suggestion[] | undefined,
  plain: (words: string) => TextRun[],
  options: Record<string, unknown>,
): (TextRun | InsertedTextRun | DeletedTextRun)[] {
  text = text.replace(PARAGRAPH_MARK, "");
  if (!changes?.length || !/[\uE000-\uE004]/.test(text)) return plain(text);
  const out: (TextRun | InsertedTextRun | DeletedTextRun)[] = [];
  let at = 0;
  for (const match of text.matchAll(MARKED)) {
    if (match.index > at) out.push(...plain(text.slice(at, match.index)));
    const n = Number(match[1] ?? match[3]);
    const change = changes[n];
    const words = match[2] ?? match[4] ?? "";
    if (change) {
      const deleted = match[1] !== undefined;
      // Word wants every revision's w:id distinct: a replacement is one deletion and one insertion.
      const tracked = {
        ...options,
        text: words,
        id: nextRevisionId(changes),
        author: change.authorName,
        date: change.createdAt,
      };
      out.push(deleted ? new DeletedTextRun(tracked) : new InsertedTextRun(tracked));
    }
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push(...plain(text.slice(at)));
  return out;
}
