import type { AtomFeed } from "~/exports/atom-feed";
import type { Locale } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { draftTitle, DRAFT_TITLES, organizationName, ORGANIZATION_NAME_FIELDS } from "~/i18n/localized-name";
import { serverT } from "~/i18n/server-t.server";
import { can, roundResourceOf } from "~/policies";
import { db } from "~/utils/db.server";
import { DRAFT_FOR_POLICY, draftResourceOf } from "../drafts/draft-access.server";
import { listRegister } from "../register/register.server";

/** Newest entries a feed carries: readers poll it, the page and the API hold the rest. */
export const FEED_ENTRIES = 50;

/**
 * The public consultation rounds as a feed, in the feed's language. Each round is checked
 * with the policy as a signed-out visitor (`can(null, "round.view")`), whatever the query
 * found: invited and not-yet-open rounds never reach a feed.
 */
export async function roundsFeed(origin: string, locale: Locale): Promise<AtomFeed> {
  const t = serverT(locale);
  const rounds = await db().consultationRound.findMany({
    where: { audience: "PUBLIC", status: { not: "SCHEDULED" } },
    orderBy: [{ opensAt: "desc" }, { id: "asc" }],
    take: FEED_ENTRIES,
    include: {
      invitations: { select: { organizationId: true } },
      draft: {
        select: { ...DRAFT_FOR_POLICY, ...DRAFT_TITLES, ownerOrganization: { select: ORGANIZATION_NAME_FIELDS } },
      },
    },
  });
  const visible = rounds.filter((round) =>
    can(null, "round.view", roundResourceOf(round, draftResourceOf(round.draft))),
  );
  return {
    id: `${origin}/rounds`,
    title: t("feeds.rounds"),
    self: `${origin}/feeds/rounds.atom?lang=${locale}`,
    alternate: `${origin}/rounds`,
    language: locale,
    author: t("app.name"),
    entries: visible.map((round) => ({
      id: `${origin}/rounds/${round.id}`,
      title: round.title,
      updated: round.updatedAt,
      link: `${origin}/rounds/${round.id}`,
      summary: [
        `${organizationName(round.draft.ownerOrganization, locale)} — ${t("feeds.roundEntry", {
          draft: draftTitle(round.draft, locale),
          opens: formatDate(t, round.opensAt, true, round.timeZone),
          closes: formatDate(t, round.closesAt, true, round.timeZone),
        })}`,
        round.description,
      ]
        .filter(Boolean)
        .join("\n\n"),
    })),
  };
}

/** The register of adopted acts and signed agreements (public by the policy's rule). */
export async function registerFeed(origin: string, locale: Locale): Promise<AtomFeed> {
  const t = serverT(locale);
  const { items } = await listRegister({}, { skip: 0, take: FEED_ENTRIES });
  return {
    id: `${origin}/register`,
    title: t("feeds.register"),
    self: `${origin}/feeds/register.atom?lang=${locale}`,
    alternate: `${origin}/register`,
    language: locale,
    author: t("app.name"),
    entries: items.map((entry) => ({
      id: `${origin}/register/${entry.id}`,
      title: draftTitle(entry, locale),
      updated: entry.reachedAt,
      link: `${origin}/register/${entry.id}`,
      summary: `${organizationName(entry.ownerOrganization, locale)} — ${t("feeds.registerEntry", {
        kind: t(`draftKinds.${entry.kind}`),
        reached: t(`register.reached.${entry.status}`),
        date: formatDate(t, entry.reachedAt),
      })}`,
    })),
  };
}
