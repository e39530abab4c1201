/**
 * Recognises chapter and article headings written as ordinary lines, the way ministry
 * Word files usually have them ("Article 5. Scope", "Հոդված 5.", "Статья 5.", "მუხლი 5.").
 * The number must be followed by punctuation or end the line: "Статья 38 Закона … изложить"
 * is an amendment's sentence, not a heading.
 */
const CHAPTER = /^(chapter|գլուխ|глава|თავი)\s+[\dIVXLC]+\s*([.:։)\-–—]|$)/i;
const ARTICLE = /^(article|հոդված|статья|მუხლი)\s+\d+\s*([.:։)\-–—]|$)/i;

export type LineKind = "chapter" | "article" | "text";

export function classifyLine(line: string): LineKind {
  if (CHAPTER.test(line)) return "chapter";
  if (ARTICLE.test(line)) return "article";
  return "text";
}

/** "Article 5. Scope" → "Scope": the number is the editor's job, the title is the author's. */
export function headingTitle(line: string): string {
  return line.replace(/^\S+\s+[\dIVXLC]+\s*[.:։)\-–—]?\s*/i, "").trim();
}
