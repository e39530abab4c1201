import { foldForSearch } from "~/utils/search-text";

/** A piece of text, marked when it is (the start of) a word the search matched. */
export type Segment = { text: string; hit: boolean };

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Folds words through a small cache: `toLocaleLowerCase` costs an ICU call per word, and a
 * draft's text repeats its words (a page of hits spent most of its time here).
 */
const folded = new Map<string, string>();
function foldWord(word: string): string {
  let value = folded.get(word);
  if (value === undefined) {
    value = foldForSearch(word);
    if (folded.size > 50_000) folded.clear();
    folded.set(word, value);
  }
  return value;
}

/**
 * Splits `text` into plain and matched pieces: every word that starts with one of the
 * folded `terms` is marked (only the matched prefix when folding kept its length). The
 * result is data, rendered as text nodes, so the text can never inject markup.
 */
export function highlight(text: string, terms: string[]): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  const push = (piece: string, hit: boolean) => {
    if (!piece) return;
    const previous = segments.at(-1);
    if (previous && previous.hit === hit) previous.text += piece;
    else segments.push({ text: piece, hit });
  };
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const lower = foldWord(word);
    const term = terms.find((t) => lower.startsWith(t));
    if (!term) continue;
    // The whole word: the term is a stem ("ավագ"), and the word ("ավագանու") is what matched.
    push(text.slice(last, match.index), false);
    push(word, true);
    last = match.index + word.length;
  }
  push(text.slice(last), false);
  return segments;
}

/**
 * A window of about `size` characters around the first matched word of a long text (a
 * draft's whole text), cut at spaces, with an ellipsis where it was cut.
 */
export function excerpt(text: string, terms: string[], size = 240): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= size) return flat;
  let first = -1;
  for (const match of flat.matchAll(WORD)) {
    const lower = foldWord(match[0]);
    if (terms.some((t) => lower.startsWith(t))) {
      first = match.index;
      break;
    }
  }
  let start = Math.max(0, first - Math.floor(size / 3));
  if (start > 0) {
    const space = flat.indexOf(" ", start);
    start = space === -1 || space > first ? start : space + 1;
  }
  let end = Math.min(flat.length, start + size);
  if (end < flat.length) {
    const space = flat.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  return `${start > 0 ? "… " : ""}${flat.slice(start, end)}${end < flat.length ? " …" : ""}`;
}
