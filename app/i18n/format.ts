import { PLATFORM_TIME_ZONE, type Locale } from "./config";
import type { Translate } from "./translate";

/**
 * Dates and numbers spelled the same on the server and in every browser. Intl cannot be
 * trusted for this: Chromium's ICU has no Armenian or Georgian data (it falls back to
 * American English), and the server and the browser may sit in different time zones.
 * Only the numeric parts come from Intl (en-US is in every ICU build); month names and
 * patterns come from the translation files. Times are in the platform's time zone.
 */
const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** `timeZone`: where the moment is read, e.g. a consultation round's own zone. */
export function formatDate(
  t: Translate,
  value: Date | string,
  withTime = false,
  timeZone = PLATFORM_TIME_ZONE,
): string {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(new Date(value))
      .map((p) => [p.type, p.value]),
  );
  const date = t("dates.date", {
    day: Number(parts.day),
    month: t(`dates.months.m${Number(parts.month)}`),
    year: parts.year ?? "",
  });
  return withTime ? t("dates.dateTime", { date, time: `${parts.hour}:${parts.minute}` }) : date;
}

/** Thousands grouped with a comma in English, a narrow no-break space elsewhere. */
export function formatNumber(locale: Locale, value: number): string {
  const [whole = "", fraction] = Math.abs(value).toString().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === "en" ? "," : "\u202f");
  return `${value < 0 ? "−" : ""}${grouped}${fraction ? (locale === "en" ? "." : ",") + fraction : ""}`;
}
