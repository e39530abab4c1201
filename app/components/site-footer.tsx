import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** The footer: the accessibility statement, where the law wants it, on every page. */
export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <nav aria-label={t("nav.footer")}>
        <Link to="/accessibility">{t("nav.accessibility")}</Link>
      </nav>
    </footer>
  );
}
