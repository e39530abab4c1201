import { foldForSearch } from "~/utils/search-text";

/** A word: letters, digits and combining marks in any script. Everything else separates. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Longest query we turn into terms; more words only narrow the result further. */
const MAX_TERMS = 8;

/**
 * The words of a text, folded as in decision 003 and joined by single spaces. Punctuation
 * (Armenian «», ։, Georgian „“, hyphens) is removed here so that FTS5's tokenizer and
 * PostgreSQL's parser both see the same plain words.
 */
export function searchWords(...parts: (string | null | undefined)[]): string {
  return (foldForSearch(...parts).match(WORD) ?? []).join(" ");
}

/** The folded words of what someone typed: each must start a word of the result. */
export function queryTerms(query: string): string[] {
  const terms = foldForSearch(query).match(WORD) ?? [];
  return [...new Set(terms)].slice(0, MAX_TERMS);
}
