/**
 * Names and titles stored once per interface language (`nameHy` … `nameEn`, `titleHy` …
 * `titleEn`): the Prisma selects that fetch them and the one rule that picks the reader's.
 * Every page, export and e-mail goes through here, so a new language is added in one place.
 */
import type { Locale } from "./config";

export type DraftTitleFields = {
  titleHy: string | null;
  titleRu: string | null;
  titleKa: string | null;
  titleEn: string | null;
};

export type OrganizationNameFields = {
  nameHy: string | null;
  nameRu: string | null;
  nameKa: string | null;
  nameEn: string | null;
};

/** Prisma select of a draft's titles. */
export const DRAFT_TITLES = { titleHy: true, titleRu: true, titleKa: true, titleEn: true } as const;
/** Prisma select of a draft's id and titles: what a page needs for its heading and back link. */
export const DRAFT_HEADING = { id: true, ...DRAFT_TITLES } as const;
/** Prisma select of an organization's names. */
export const ORGANIZATION_NAME_FIELDS = { nameHy: true, nameRu: true, nameKa: true, nameEn: true } as const;
/** Prisma select of an organization's id and names. */
export const ORGANIZATION_NAMES = { id: true, ...ORGANIZATION_NAME_FIELDS } as const;

const TITLE_FIELD: Record<Locale, keyof DraftTitleFields> = {
  hy: "titleHy",
  ru: "titleRu",
  ka: "titleKa",
  en: "titleEn",
};
// A draft is usually first written in Armenian; an organization's name is most often known in English.
const TITLE_FALLBACK: (keyof DraftTitleFields)[] = ["titleHy", "titleRu", "titleKa", "titleEn"];
const NAME_FIELD: Record<Locale, keyof OrganizationNameFields> = {
  hy: "nameHy",
  ru: "nameRu",
  ka: "nameKa",
  en: "nameEn",
};
const NAME_FALLBACK: (keyof OrganizationNameFields)[] = ["nameEn", "nameHy", "nameRu", "nameKa"];

/** The draft's title in the reader's language, else in the first language it was given in. */
export function draftTitle(draft: DraftTitleFields, locale: Locale): string {
  return draft[TITLE_FIELD[locale]] ?? TITLE_FALLBACK.map((field) => draft[field]).find(Boolean) ?? "";
}

/** The organization's name in the reader's language, else the first name it has. */
export function organizationName(org: OrganizationNameFields, locale: Locale): string {
  return org[NAME_FIELD[locale]] ?? NAME_FALLBACK.map((field) => org[field]).find(Boolean) ?? "";
}

/** Only the id and titles of a draft (drops every other field a query brought). */
export function draftHeading(draft: DraftTitleFields & { id: string }): DraftTitleFields & { id: string } {
  return {
    id: draft.id,
    titleHy: draft.titleHy,
    titleRu: draft.titleRu,
    titleKa: draft.titleKa,
    titleEn: draft.titleEn,
  };
}
