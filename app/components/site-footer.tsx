import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** Links every page carries: the accessibility statement (where the law wants it), the participation rules and following consultations. */
export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <nav aria-label={t("nav.footer")}>
        <Link to="/accessibility">{t("nav.accessibility")}</Link>
        {" · "}
        <Link to="/participation-rules">{t("footer.rules")}</Link>
        {" · "}
        <Link to="/follow">{t("footer.follow")}</Link>
      </nav>
    </footer>
  );
}
