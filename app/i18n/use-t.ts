import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DEFAULT_LOCALE, type Locale } from "./config";
import { DICTIONARIES } from "./dictionaries";
import { formatDate, formatNumber } from "./format";
import { createTranslate } from "./translate";

type RootI18n = { locale: Locale };

/** The current locale, from the root loader (falls back to the default on error pages). */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as RootI18n | undefined;
  return data?.locale ?? DEFAULT_LOCALE;
}

export function useT() {
  const locale = useLocale();
  return useMemo(() => {
    const t = createTranslate(DICTIONARIES[locale]);
    return Object.assign(t, {
      locale,
      date: (value: Date | string, withTime = false, timeZone?: string) => formatDate(t, value, withTime, timeZone),
      number: (value: number) => formatNumber(locale, value),
    });
  }, [locale]);
}
