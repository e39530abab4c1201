/** The four languages Agora's texts are written in. */
export type ContentLanguage = "hy" | "ru" | "ka" | "en";

const SCRIPTS: [ContentLanguage, RegExp][] = [
  ["hy", /[\u0531-\u058F]/gu],
  ["ka", /[\u10A0-\u10FF\u1C90-\u1CBF]/gu],
  ["ru", /[\u0400-\u04FF]/gu],
  ["en", /[A-Za-z]/g],
];

/**
 * The language a text is written in, from the script most of its letters are in: a draft has
 * no language field, and its four titles say nothing about the text. Latin counts as English.
 */
export function contentLanguage(text: string): ContentLanguage {
  let best: ContentLanguage = "en";
  let bestCount = 0;
  for (const [language, pattern] of SCRIPTS) {
    const count = text.match(pattern)?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [language, count];
  }
  return best;
}
