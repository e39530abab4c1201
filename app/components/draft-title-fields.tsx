import { Field } from "~/components/field";
import { useT } from "~/i18n/use-t";

type Titles = { titleHy?: string | null; titleRu?: string | null; titleKa?: string | null; titleEn?: string | null };

const LANGUAGES = [
  ["titleHy", "hy"],
  ["titleRu", "ru"],
  ["titleKa", "ka"],
  ["titleEn", "en"],
] as const;

/** A draft's title in the four languages (at least one is required), for creating and editing. */
export function DraftTitleFields({
  values = {},
  errors,
}: {
  values?: Titles;
  errors: Record<string, string | undefined>;
}) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t("drafts.titlesLegend")}</legend>
      {LANGUAGES.map(([name, lang]) => (
        <Field
          key={name}
          label={t(`fields.${name}`)}
          name={name}
          lang={lang}
          defaultValue={values[name] ?? ""}
          error={errors[name]}
        />
      ))}
    </fieldset>
  );
}
