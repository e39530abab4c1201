import type { Locale } from "./config";
import { DICTIONARIES } from "./dictionaries";
import { createTranslate } from "./translate";

/** Translation on the server, e.g. for e-mails and page titles. */
export function serverT(locale: Locale) {
  return createTranslate(DICTIONARIES[locale]);
}
