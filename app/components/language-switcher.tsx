import { Form, useLocation, useSubmit } from "@remix-run/react";
import { LOCALE_NAMES, LOCALES } from "~/i18n/config";
import { useT } from "~/i18n/use-t";

/** Posts the chosen language to /locale, which remembers it and comes back here. */
export function LanguageSwitcher() {
  const t = useT();
  const location = useLocation();
  const submit = useSubmit();
  return (
    <Form method="post" action="/locale" className="language-switcher" onChange={(e) => submit(e.currentTarget)}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label>
        <span className="visually-hidden">{t("nav.language")}</span>
        <select name="locale" defaultValue={t.locale} key={t.locale} data-testid="language-switcher">
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit">{t("common.apply")}</button>
      </noscript>
    </Form>
  );
}
