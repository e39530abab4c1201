import { isLocale, type Locale } from "~/i18n/config";
import { resolveLocale } from "~/i18n/locale.server";
import { env } from "~/utils/env.server";
import { publicOrigin } from "~/utils/origin.server";

/**
 * A feed's language comes from `?lang=` (feed readers send no cookie and a fixed
 * Accept-Language, and each language is its own feed URL); without it, the reader's.
 */
export function feedLocale(request: Request): Locale {
  const lang = new URL(request.url).searchParams.get("lang");
  return isLocale(lang) ? lang : resolveLocale(request);
}

export const feedOrigin = (request: Request) => publicOrigin(request, env().APP_ORIGIN).replace(/\/+$/, "");
