import ArmenianStemmer from "./snowball/armenian-stemmer.js";
import EnglishStemmer from "./snowball/english-stemmer.js";
import RussianStemmer from "./snowball/russian-stemmer.js";

/**
 * The stem of a folded word, by the script of its letters: Armenian, Cyrillic (Russian) and
 * Latin (English) words through their Snowball algorithm, Georgian and everything else as
 * they are (Snowball has no Georgian; it is matched by prefix). Stemming by script, not by
 * the text's stored language, because comments and proposals have no language of their own
 * and a text quotes other languages: "Статья 38" in an Armenian law is still Russian.
 * Computed here, for both databases alike, so SQLite and PostgreSQL index and query the very
 * same stems and give the same hits.
 */
const armenian = new ArmenianStemmer();
const russian = new RussianStemmer();
const english = new EnglishStemmer();

const ARMENIAN = /[\u0531-\u058F]/u;
const CYRILLIC = /[\u0400-\u04FF]/u;
const LATIN = /[a-z]/;

export function stemOf(word: string): string {
  if (/\d/.test(word)) return word;
  if (ARMENIAN.test(word)) return armenian.stemWord(word);
  if (CYRILLIC.test(word)) return russian.stemWord(word);
  if (LATIN.test(word)) return english.stemWord(word);
  return word;
}
