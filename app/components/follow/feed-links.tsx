import type { LinkDescriptor } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { LOCALES } from "~/i18n/config";
import { DICTIONARIES } from "~/i18n/dictionaries";
import { createTranslate } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";

export type FeedName = "rounds" | "register";

/**
 * `<link rel="alternate" type="application/atom+xml">` for a page's feed, once per language
 * (`hreflang`, each titled in its own language), so a feed reader offers the one it wants.
 */
export function feedLinkDescriptors(feed: FeedName): LinkDescriptor[] {
  return LOCALES.map((locale) => ({
    rel: "alternate",
    type: "application/atom+xml",
    href: `/feeds/${feed}.atom?lang=${locale}`,
    hrefLang: locale,
    title: createTranslate(DICTIONARIES[locale])(`feeds.${feed}`),
  }));
}

/** The visible links beside a list: its feed in the reader's language, and following by e-mail. */
export function FollowLinks({ feed }: { feed: FeedName }) {
  const t = useT();
  return (
    <p className="actions">
      <a href={`/feeds/${feed}.atom?lang=${t.locale}`} type="application/atom+xml">
        {t("follow.feed")}
      </a>
      {feed === "rounds" ? <Link to="/follow">{t("follow.title")}</Link> : null}
    </p>
  );
}
