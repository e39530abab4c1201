import { LOCALE_NAMES } from "~/i18n/config";
import { TEXT_LANGUAGES } from "~/i18n/text-languages";
import { useT } from "~/i18n/use-t";
import { SelectField } from "./select-field";

/**
 * The language a draft's text is written in. Each option names the language in the reader's
 * language and in itself ("Armenian — Հայերեն"), so a translator finds it whatever the interface.
 */
export function TextLanguageField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const t = useT();
  return (
    <>
      <SelectField
        label={t("fields.textLanguage")}
        name="textLanguage"
        defaultValue={defaultValue}
        error={error}
        options={TEXT_LANGUAGES.map(({ code }) => ({
          value: code,
          label: `${t(`textLanguages.${code}`)} — ${LOCALE_NAMES[code]}`,
        }))}
      />
      <div className="field-hint">{t("fields.textLanguageHint")}</div>
    </>
  );
}
