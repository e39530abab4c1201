import type { TextLanguage } from "~/i18n/text-languages";

/** The four languages Agora's texts are written in (the data is `TEXT_LANGUAGES`). */
export type ContentLanguage = TextLanguage;

const SCRIPTS: [ContentLanguage, RegExp][] = [
  ["hy", /[\u0531-\u058F]/gu],
  ["ka", /[\u10A0-\u10FF\u1C90-\u1CBF]/gu],
  ["ru", /[\u0400-\u04FF]/gu],
  ["en", /[A-Za-z]/g],
];

/**
 * The language a text is written in, from the script most of its letters are in. Used only
 * where no language is stored (a summary table or collegium record, which mix languages);
 * a draft's text has its own `textLanguage`. Latin counts as English.
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
