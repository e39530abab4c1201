import {
  AlignmentType,
  Footer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type IRunOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from "docx";
import type { ContentLanguage } from "../act/content-language";
import { LANGUAGE_TAG, SCRIPT_FONT, scriptSegments } from "./script-fonts";

/** A4 in twips (portrait; docx swaps the two for a landscape section). */
const A4 = { width: 11906, height: 16838 };
/** 1 cm in twips. */
export const CM = 567;
/**
 * Margins as ministries in the region set them (left for binding): 3 cm left, 1.5 cm right,
 * 2 cm top and bottom. Landscape tables keep 2 cm everywhere but the binding edge.
 */
const PORTRAIT_MARGIN = { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: Math.round(1.5 * CM) };
const LANDSCAPE_MARGIN = { top: 3 * CM, bottom: Math.round(1.5 * CM), left: 2 * CM, right: 2 * CM };

/** Width of the text between the margins, in twips: tables are laid out to fill it. */
export function textWidth(orientation: "portrait" | "landscape"): number {
  return orientation === "portrait"
    ? A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right
    : A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;
}

/** The run properties a script needs when they differ from the document's defaults. */
function scriptRunOptions(script: ContentLanguage, documentLanguage: ContentLanguage): Partial<IRunOptions> {
  const font = SCRIPT_FONT[script];
  return {
    ...(font !== SCRIPT_FONT[documentLanguage] && { font: { ascii: font, hAnsi: font, cs: font, eastAsia: font } }),
    ...(script !== documentLanguage && { language: { value: LANGUAGE_TAG[script] } }),
  };
}

/**
 * Text as Word runs, one per script, each naming its face and language only when they differ
 * from the document's: a Russian table quoting Armenian proposals gets Sylfaen on the
 * Armenian words and stays small (a font on every run made big tables slow, bench/rounds.ts).
 */
export function scriptRuns(
  text: string,
  language: ContentLanguage,
  options: Partial<IRunOptions> = {},
  /** The document's default language, when this text is in another (a column of a parallel text). */
  documentLanguage: ContentLanguage = language,
): TextRun[] {
  return scriptSegments(text, language).map(
    (segment) => new TextRun({ ...options, ...scriptRunOptions(segment.script, documentLanguage), text: segment.text }),
  );
}

/**
 * The styles of an official document in `language`: its serif face and language tag as the
 * defaults, justified paragraphs, and the built-in Heading 1/2 restyled (black, bold, the
 * body's face) so Word's navigation pane and our importer still see real headings.
 */
export function officialStyles(
  language: ContentLanguage,
  options: { size: number; justified: boolean },
): IStylesOptions {
  const font = SCRIPT_FONT[language];
  const fonts = { ascii: font, hAnsi: font, cs: font, eastAsia: font };
  // Headings never smaller than 12 pt, even over a table set in 9 pt.
  const heading = { font: fonts, size: Math.max(options.size, 24), bold: true, color: "000000", italics: false };
  return {
    default: {
      document: {
        run: { font: fonts, size: options.size, language: { value: LANGUAGE_TAG[language] } },
        paragraph: {
          alignment: options.justified ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
          spacing: { after: 120, line: 276 },
        },
      },
      heading1: {
        run: heading,
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 240 }, keepNext: true },
      },
      heading2: {
        run: heading,
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 240, after: 120 }, keepNext: true },
      },
    },
  };
}

/** Section page setup: A4, the margins above. */
export function officialPage(orientation: "portrait" | "landscape"): ISectionPropertiesOptions {
  const landscape = orientation === "landscape";
  return {
    page: {
      size: landscape ? { ...A4, orientation: PageOrientation.LANDSCAPE } : A4,
      margin: landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN,
      pageNumbers: { start: 1 },
    },
  };
}

/**
 * The footer of every page: "3 / 7" centred, and below it in small type the facts that
 * identify the text (version, date, SHA-256): they used to fill a title page before the text.
 */
export function officialFooter(facts: string, language: ContentLanguage): { default: Footer } {
  return {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES], size: 18 })],
        }),
        ...(facts
          ? [new Paragraph({ alignment: AlignmentType.CENTER, children: scriptRuns(facts, language, { size: 14 }) })]
          : []),
      ],
    }),
  };
}
