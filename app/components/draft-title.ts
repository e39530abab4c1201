import type { Locale } from "~/i18n/config";

type Titles = { titleHy: string | null; titleRu: string | null; titleKa: string | null; titleEn: string | null };

const FIELD: Record<Locale, keyof Titles> = { hy: "titleHy", ru: "titleRu", ka: "titleKa", en: "titleEn" };
const FALLBACK: (keyof Titles)[] = ["titleHy", "titleRu", "titleKa", "titleEn"];

/** The draft's title in the reader's language, else in the first language it was given in. */
export function draftTitle(draft: Titles, locale: Locale): string {
  return draft[FIELD[locale]] ?? FALLBACK.map((field) => draft[field]).find(Boolean) ?? "";
}

/** Only the id and titles of a draft: what a page needs for its heading and back link. */
export function draftHeading(draft: Titles & { id: string }): Titles & { id: string } {
  return {
    id: draft.id,
    titleHy: draft.titleHy,
    titleRu: draft.titleRu,
    titleKa: draft.titleKa,
    titleEn: draft.titleEn,
  };
}
