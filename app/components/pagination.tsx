import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** Previous/next links that keep the other query parameters (search, filters). */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const t = useT();
  const location = useLocation();
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t("pagination.previous")}</Link> : <span />}
      <span>{t("pagination.status", { page: t.number(page), pages: t.number(pages) })}</span>
      {page < pages ? <Link to={hrefFor(page + 1)}>{t("pagination.next")}</Link> : <span />}
    </nav>
  );
}
