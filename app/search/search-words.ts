import { foldForSearch } from "~/utils/search-text";
import { stemOf } from "./word-stems";

/** A word: letters, digits and combining marks in any script. Everything else separates. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Longest query we turn into terms; more words only narrow the result further. */
const MAX_TERMS = 8;

/**
 * The words of a text, folded as in decision 003 and joined by single spaces, followed by
 * the stems that differ from every word ("ավագանու … ավագան"). Punctuation (Armenian «», ։,
 * Georgian „“, hyphens) is removed here so that FTS5's tokenizer and PostgreSQL's parser both
 * see the same plain words. The stems are there for stems that are not a prefix of their
 * word (English "city" → "citi"); the others are found through the word itself.
 */
export function searchWords(...parts: (string | null | undefined)[]): string {
  const words = foldForSearch(...parts).match(WORD) ?? [];
  const seen = new Set(words);
  const stems: string[] = [];
  for (const word of seen) {
    const stem = stemOf(word);
    if (!seen.has(stem) && !word.startsWith(stem)) {
      seen.add(stem);
      stems.push(stem);
    }
  }
  return [...words, ...stems].join(" ");
}

/**
 * What someone typed as terms: each folded word's stem, which must start a word of the
 * result. "ավագանի" becomes "ավագ", which starts "ավագանու"; "сотрудничестве" becomes
 * "сотрудничеств", which starts "сотрудничество"; a Georgian word stays whole and is matched
 * by prefix.
 */
export function queryTerms(query: string): string[] {
  const terms = (foldForSearch(query).match(WORD) ?? []).map(stemOf).filter((stem) => stem.length > 0);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}
