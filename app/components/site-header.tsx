import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { RootData } from "~/root";
import { clearLocalDraftCopies } from "~/editor/local-draft-copy";
import { useT } from "~/i18n/use-t";
import { LanguageSwitcher } from "./language-switcher";
import { forgetAllProposalDrafts } from "./rounds/proposal-draft-storage";

/**
 * The header. On a phone the navigation and tools fold behind a "Menu" disclosure button
 * (aria-expanded, Escape closes it and gives focus back to the button); from tablet width up
 * the button is hidden and everything shows, so the same links serve both.
 */
export function SiteHeader() {
  const t = useT();
  const data = useRouteLoaderData("root") as RootData | undefined;
  const user = data?.user;
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  // Following a link from the menu leaves the new page with the menu folded.
  useEffect(() => setOpen(false), [location.pathname, location.search]);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <header className="site-header" data-menu={open ? "open" : "closed"} onKeyDown={closeOnEscape}>
      <Link to="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          ⚖
        </span>
        {t("app.name")}
      </Link>
      <button
        ref={toggle}
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen(!open)}
        data-testid="menu-toggle"
      >
        <span className="menu-icon" aria-hidden="true" />
        {t("nav.menu")}
      </button>
      <div className="site-menu" id="site-menu">
        <nav className="main-nav" aria-label={t("nav.main")}>
          {user ? <NavLink to="/drafts">{t("nav.drafts")}</NavLink> : null}
          <NavLink to="/rounds">{t("nav.rounds")}</NavLink>
          <NavLink to="/register">{t("register.nav")}</NavLink>
          {user ? <NavLink to="/reviews">{t("nav.reviews")}</NavLink> : null}
          {user ? <NavLink to="/orgs">{t("nav.organizations")}</NavLink> : null}
          {user ? <NavLink to="/collegium">{t("collegium.nav")}</NavLink> : null}
          {user?.isPlatformAdmin ? <NavLink to="/admin/users">{t("nav.users")}</NavLink> : null}
          {user?.isPlatformAdmin ? <NavLink to="/admin/outbox">{t("nav.outbox")}</NavLink> : null}
          {user?.isPlatformAdmin ? (
            <NavLink to="/admin/accessibility-feedback">{t("nav.accessibilityFeedback")}</NavLink>
          ) : null}
        </nav>
        <div className="header-tools">
          <Form
            method="get"
            action="/search"
            className="header-search"
            role="search"
            aria-label={t("search.siteLandmark")}
          >
            <label>
              <span className="visually-hidden">{t("search.label")}</span>
              <input type="search" name="q" placeholder={t("search.title")} data-testid="header-search" />
            </label>
          </Form>
          <LanguageSwitcher />
          {user ? (
            <Link to="/notifications" className="notifications-link" data-testid="notifications-link">
              {t("notifications.title")}
              {user.unreadNotifications > 0 ? (
                <span
                  className="count-badge"
                  aria-label={t("notifications.unread", { count: user.unreadNotifications })}
                >
                  {t.number(user.unreadNotifications)}
                </span>
              ) : null}
            </Link>
          ) : null}
          {user ? (
            <details className="user-menu">
              <summary data-testid="user-menu">{user.name}</summary>
              <div className="user-menu-panel">
                <Link to="/profile">{t("nav.profile")}</Link>
                <Link to="/my-proposals">{t("citizens.mine.title")}</Link>
                {/* The next person at this computer must not find this person's unsent draft text. */}
                <Form
                  method="post"
                  action="/logout"
                  onSubmit={() => {
                    forgetAllProposalDrafts();
                    void clearLocalDraftCopies(user.id);
                  }}
                >
                  <button type="submit" className="link-button">
                    {t("nav.logout")}
                  </button>
                </Form>
              </div>
            </details>
          ) : (
            <>
              <Link to="/signup" className="button" data-testid="header-signup">
                {t("citizens.signUp.nav")}
              </Link>
              <Link to="/login" className="button">
                {t("nav.login")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
