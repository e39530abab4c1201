import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** Links every page carries: the participation rules and following consultations. */
export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <nav aria-label={t("footer.label")}>
        <Link to="/participation-rules">{t("footer.rules")}</Link>
        {" · "}
        <Link to="/follow">{t("footer.follow")}</Link>
      </nav>
    </footer>
  );
}
