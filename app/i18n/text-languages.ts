import type { Locale } from "./config";
import { DICTIONARIES } from "./dictionaries";
import { formatNumber } from "./format";
import { createTranslate } from "./translate";

/**
 * The languages a draft's text may be written in, as data: adding one is a row here (and,
 * since its structural labels come from the interface dictionary of the same code, a locale
 * file). Everything that depends on the text's language reads this table: structural labels
 * in the editor, outline, pages and exports, Word's language tag and face, the `lang`
 * attribute on the text, and the search dictionary that stems its words.
 */
export const TEXT_LANGUAGES = [
  // Word's tag (spelling, hyphenation), the serif face Word documents ask for, and the search
  // stemming: a Snowball algorithm (the same in PostgreSQL and in the SQLite index) or, for
  // Georgian, which has none, word prefixes.
  { code: "hy", wordTag: "hy-AM", font: "Sylfaen", stemming: "armenian" },
  { code: "ru", wordTag: "ru-RU", font: "Times New Roman", stemming: "russian" },
  { code: "ka", wordTag: "ka-GE", font: "Sylfaen", stemming: "prefix" },
  { code: "en", wordTag: "en-US", font: "Times New Roman", stemming: "english" },
] as const satisfies readonly { code: Locale; wordTag: string; font: string; stemming: string }[];

export type TextLanguage = (typeof TEXT_LANGUAGES)[number]["code"];
export type TextLanguageInfo = (typeof TEXT_LANGUAGES)[number];

export const TEXT_LANGUAGE_CODES = TEXT_LANGUAGES.map((language) => language.code) as [TextLanguage, ...TextLanguage[]];

export function isTextLanguage(value: unknown): value is TextLanguage {
  return typeof value === "string" && (TEXT_LANGUAGE_CODES as readonly string[]).includes(value);
}

export function textLanguageInfo(code: TextLanguage): TextLanguageInfo {
  return TEXT_LANGUAGES.find((language) => language.code === code)!;
}

/**
 * A stored language code as a text language. A row holding a code no longer in the table
 * (a language removed from the list) is read as Armenian, the column's default, rather than
 * failing every page of the draft.
 */
export function storedTextLanguage(value: string | null | undefined): TextLanguage {
  return isTextLanguage(value) ? value : "hy";
}

export type TextLabels = {
  language: TextLanguage;
  chapter: string;
  article: string;
  part: string;
  point: string;
  /** "Հոդված 3." with plain digits (the importer reads "Article 1000." back). */
  chapterNumber: (n: number | string) => string;
  articleNumber: (n: number | string) => string;
};

const cache = new Map<TextLanguage, TextLabels>();

/** Structural labels in the text's language, whatever the reader's interface language is. */
export function textLabels(language: TextLanguage): TextLabels {
  let labels = cache.get(language);
  if (!labels) {
    const t = createTranslate(DICTIONARIES[language]);
    labels = {
      language,
      chapter: t("editor.chapter"),
      article: t("editor.article"),
      part: t("editor.part"),
      point: t("editor.point"),
      chapterNumber: (n) => t("editor.chapterNumber", { number: n }),
      articleNumber: (n) => t("editor.articleNumber", { number: n }),
    };
    cache.set(language, labels);
  }
  return labels;
}

/** The same labels with numbers as the text's language writes them on a page. */
export function shownNumber(language: TextLanguage, n: number): string {
  return formatNumber(language, n);
}
