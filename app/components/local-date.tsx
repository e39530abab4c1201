import { useT } from "~/i18n/use-t";

/**
 * A date in the reader's locale. The server (Node's ICU, UTC) and the browser (its own
 * ICU data and time zone) may spell the same moment differently: the server's text is
 * kept on hydration instead of raising a mismatch, and `dateTime` keeps the exact value.
 */
export function LocalDate({
  value,
  withTime = false,
  timeZone,
}: {
  value: Date | string;
  withTime?: boolean;
  timeZone?: string;
}) {
  const t = useT();
  return (
    <time dateTime={new Date(value).toISOString()} suppressHydrationWarning>
      {t.date(value, withTime, timeZone)}
    </time>
  );
}
