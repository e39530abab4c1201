import { TEXT_LANGUAGES } from "~/i18n/text-languages";
import type { ContentLanguage } from "../act/content-language";

/**
 * The serif faces an official document asks for, per script. Word puts Armenian and Georgian
 * letters in the same font slots as Latin (`w:ascii`/`w:hAnsi`), so one run cannot name a
 * font for each script: runs are split where the script changes and each run names its own.
 * Sylfaen ships with every Windows and covers Armenian, Georgian, Latin and Cyrillic; Times
 * New Roman (Latin, Cyrillic) is the face Russian and English drafts are sent in. Where
 * neither is installed (LibreOffice on Linux) fontconfig substitutes a serif with the glyphs.
 */
export const SCRIPT_FONT = Object.fromEntries(TEXT_LANGUAGES.map((l) => [l.code, l.font])) as Record<
  ContentLanguage,
  string
>;

/** Word's language tags, so spelling, hyphenation and screen readers pick the right language. */
export const LANGUAGE_TAG = Object.fromEntries(TEXT_LANGUAGES.map((l) => [l.code, l.wordTag])) as Record<
  ContentLanguage,
  string
>;

const LETTER_SCRIPTS: [ContentLanguage, RegExp][] = [
  ["hy", /[\u0531-\u058F\uFB13-\uFB17]/u],
  ["ka", /[\u10A0-\u10FF\u1C90-\u1CBF\u2D00-\u2D2F]/u],
  ["ru", /[\u0400-\u052F]/u],
];

/** A script that switches the run, "latin" for Latin letters, null for digits, spaces and signs. */
function scriptOf(char: string): ContentLanguage | "latin" | null {
  for (const [script, pattern] of LETTER_SCRIPTS) if (pattern.test(char)) return script;
  return /\p{L}/u.test(char) ? "latin" : null;
}

export type ScriptSegment = { text: string; script: ContentLanguage };

/**
 * Splits text where the script of its letters changes. Digits, spaces and punctuation stay
 * with the letters before them (or, at the start, after them), so "Հոդված 3." is one segment
 * and a text in one script is one segment however long. Latin letters ("SHA-256", a law's
 * Latin abbreviation) stay in the run they appear in, since every face named here has them;
 * at the start of a text they are in `documentLanguage`.
 */
export function scriptSegments(text: string, documentLanguage: ContentLanguage): ScriptSegment[] {
  const segments: ScriptSegment[] = [];
  let current: ScriptSegment | null = null;
  let leading = "";
  for (const char of text) {
    const script = scriptOf(char);
    if (!current) {
      if (script === null) {
        leading += char;
        continue;
      }
      current = { text: leading + char, script: script === "latin" ? documentLanguage : script };
      segments.push(current);
    } else if (script === null || script === "latin" || script === current.script) {
      current.text += char;
    } else {
      current = { text: char, script };
      segments.push(current);
    }
  }
  if (!current && leading) segments.push({ text: leading, script: documentLanguage });
  return segments;
}
