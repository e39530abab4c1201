export const LOCALES = ["hy", "ru", "ka", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Armenian first: the platform's home ministry works in Armenian. */
export const DEFAULT_LOCALE: Locale = "hy";
export const LOCALE_COOKIE = "agora_locale";

/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  hy: "Հայերեն",
  ru: "Русский",
  ka: "ქართული",
  en: "English",
};

/** Dates and times are shown in the ministry's time zone, the same for every reader. */
export const PLATFORM_TIME_ZONE = "Asia/Yerevan";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
