import type { Locale } from "~/i18n/config";

export type DraftTitleFields = {
  titleHy: string | null;
  titleRu: string | null;
  titleKa: string | null;
  titleEn: string | null;
};

const FIELD: Record<Locale, keyof DraftTitleFields> = { hy: "titleHy", ru: "titleRu", ka: "titleKa", en: "titleEn" };
const FALLBACK: (keyof DraftTitleFields)[] = ["titleHy", "titleRu", "titleKa", "titleEn"];

/** The draft's title in the reader's language, else in the first language it was given in. */
export function draftTitle(draft: DraftTitleFields, locale: Locale): string {
  return draft[FIELD[locale]] ?? FALLBACK.map((field) => draft[field]).find(Boolean) ?? "";
}

/** Only the id and titles of a draft: what a page needs for its heading and back link. */
export function draftHeading(draft: DraftTitleFields & { id: string }): DraftTitleFields & { id: string } {
  return {
    id: draft.id,
    titleHy: draft.titleHy,
    titleRu: draft.titleRu,
    titleKa: draft.titleKa,
    titleEn: draft.titleEn,
  };
}
