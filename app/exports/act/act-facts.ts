import type { ActSource } from "./act-source.server";

/**
 * The title block as ministries set it, in the text's language: "ՆԱԽԱԳԻԾ" (until adopted),
 * the act's kind in capitals and its title. Georgian has no capitals in running text (upper
 * case would switch it to Mtavruli), so its kind stays as written.
 */
export function titleBlockLines(source: ActSource): { draftMark: string | null; kind: string; title: string } {
  const { labels, language } = source;
  const kind = language === "ka" ? labels.kind : labels.kind.toLocaleUpperCase(language);
  return { draftMark: labels.draftMark, kind, title: labels.title };
}

/** "Version 3 · 2 December 2026 · SHA-256 of the text: …", for the footer of every page. */
export function footerFacts(source: ActSource): string {
  const { labels } = source;
  return `${labels.version} · ${labels.date} · ${labels.shaLabel}: ${source.sha256}`;
}
