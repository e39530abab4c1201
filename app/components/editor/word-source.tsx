import { LocalDate } from "~/components/local-date";
import { useT } from "~/i18n/use-t";

type Props = { author: string | null; date: string | null; testId: string };

/**
 * "From a Word file: <author>, <date>": who made a change in Word and when, as the file
 * recorded it, shown next to the person who uploaded the file (the suggestion's author here).
 * A date Word wrote that is not a date is left out, never shown as "Invalid date".
 */
export function WordSource({ author, date, testId }: Props) {
  const t = useT();
  const valid = !!date && !Number.isNaN(Date.parse(date));
  return (
    <span className="muted small" data-testid={testId}>
      {t("suggestions.fromWord", { author: author || "—" })}
      {valid ? (
        <>
          , <LocalDate value={date} withTime />
        </>
      ) : null}
    </span>
  );
}
