import type { Locale } from "~/i18n/config";

type Names = { nameHy: string | null; nameRu: string | null; nameKa: string | null; nameEn: string | null };

const FIELD: Record<Locale, keyof Names> = { hy: "nameHy", ru: "nameRu", ka: "nameKa", en: "nameEn" };
const FALLBACK: (keyof Names)[] = ["nameEn", "nameHy", "nameRu", "nameKa"];

/** The organization's name in the reader's language, else the first name it has. */
export function organizationName(org: Names, locale: Locale): string {
  return org[FIELD[locale]] ?? FALLBACK.map((field) => org[field]).find(Boolean) ?? "";
}
