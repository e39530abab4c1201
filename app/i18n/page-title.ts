import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";
import { DICTIONARIES } from "./dictionaries";
import { draftTitle, type DraftTitleFields } from "./localized-name";
import { createTranslate, type Translate } from "./translate";

type Match = { id: string; data: unknown };

/** The reader's language as the root loader resolved it (meta functions have no hooks). */
export function metaLocale(matches: readonly Match[]): Locale {
  const locale = (matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/**
 * The tab title in the reader's language: the page and its object ("Draft: …"), then the
 * platform. A screen reader announces it first, and a reader with many tabs finds the page
 * by it. When the loader failed (no data), the page says only what it is.
 */
export function pageTitle(
  matches: readonly Match[],
  name: (t: Translate, locale: Locale) => string | null,
): MetaDescriptor[] {
  const locale = metaLocale(matches);
  const t = createTranslate(DICTIONARIES[locale]);
  const page = name(t, locale);
  return [{ title: page ? `${page} · ${t("app.name")}` : t("app.name") }];
}

/**
 * The tab title of a page about one draft ("Versions: <the draft's title>"), or only the page's
 * name when the loader failed.
 */
export function draftPageTitle(
  matches: readonly Match[],
  draft: DraftTitleFields | undefined,
  pageKey: string,
): MetaDescriptor[] {
  return pageTitle(matches, (t, locale) =>
    draft ? t("titles.ofDraft", { page: t(pageKey), name: draftTitle(draft, locale) }) : t(pageKey),
  );
}
