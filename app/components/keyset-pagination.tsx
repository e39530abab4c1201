import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** Previous/next links of a list paged by position (the links carry the filters and the position). */
export function KeysetPagination({ previous, next }: { previous: string | null; next: string | null }) {
  const t = useT();
  if (!previous && !next) return null;
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {previous ? (
        <Link to={previous} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link to={next} rel="next">
          {t("pagination.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
