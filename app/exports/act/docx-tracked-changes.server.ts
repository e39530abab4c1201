import { DeletedTextRun, InsertedTextRun, type TextRun } from "docx";
import type * as Y from "yjs";
import type { DocNode } from "~/editor/document-json";
import { listSuggestions, resolveSuggestion, type Suggestion } from "~/editor/suggestions";
import { yDocToJSON } from "~/editor/yjs-document";

/**
 * Pending suggestions as native Word tracked changes (`w:ins` / `w:del` with author and date).
 * The live document is copied and each applicable suggestion is written into the copy's text
 * between private-use markers; the DOCX writer turns marked stretches into tracked runs. The
 * export's text, hash and everything else still come from the accepted text alone.
 */
export type TrackedText = { doc: DocNode; changes: Suggestion[] };

const DELETE_START = "\uE000";
const DELETE_END = "\uE001";
const INSERT_START = "\uE002";
const INSERT_END = "\uE003";
const NUMBER_END = "\uE004";

/** `doc` is a loaded copy of the draft's document: it is changed, never stored. */
export function withTrackedChanges(doc: Y.Doc): TrackedText {
  const changes: Suggestion[] = [];
  const placed = listSuggestions(doc)
    .map((suggestion) => resolveSuggestion(doc, suggestion))
    .flatMap((r) => (r.place ? [{ suggestion: r.suggestion, ...r.place }] : []));
  // Last first within each text, so earlier indices stay valid; overlapping ones are left out.
  placed.sort((a, b) => b.from - a.from);
  const taken = new Map<Y.XmlText, number>();
  for (const change of placed) {
    const limit = taken.get(change.text);
    if (limit !== undefined && change.to > limit) continue;
    taken.set(change.text, change.from);
    const n = changes.push(change.suggestion) - 1;
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

/** Splits a text run's words into plain runs and tracked insertions and deletions. */
export function trackedRuns(
  text: string,
  changes: Suggestion[] | undefined,
  plain: (words: string) => TextRun[],
  options: Record<string, unknown>,
): (TextRun | InsertedTextRun | DeletedTextRun)[] {
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
        id: 2 * n + (deleted ? 1 : 2),
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
