import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import { draftTitle, DRAFT_TITLES, organizationName, ORGANIZATION_NAME_FIELDS } from "~/i18n/localized-name";
import { serverT } from "~/i18n/server-t.server";
import type { Tx } from "~/utils/db.server";
import { queueEmail } from "~/utils/mailer.server";
import { appLink } from "~/utils/origin.server";

/**
 * E-mails to the people who follow rounds, written in the caller's transaction (the round
 * opening or the summary being published), so a rolled-back event mails no one. Only
 * confirmed subscriptions count; each address hears once per event even when several of its
 * subscriptions match; every message carries its own one-click unsubscribe link.
 */

/** RFC 8058: a mail client's "unsubscribe" button POSTs `List-Unsubscribe=One-Click` to the URL. */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export const unsubscribeLink = (token: string) => appLink(`/unsubscribe/${token}`);

type Follower = { email: string; locale: string; unsubscribeToken: string };

async function mailFollowers(
  tx: Tx,
  followers: Follower[],
  kind: "roundOpened" | "answersPublished",
  vars: (locale: ReturnType<typeof localeOf>) => Record<string, string>,
) {
  const seen = new Set<string>();
  for (const follower of followers) {
    if (seen.has(follower.email)) continue;
    seen.add(follower.email);
    const locale = localeOf(follower.locale);
    const t = serverT(locale);
    const unsubscribe = unsubscribeLink(follower.unsubscribeToken);
    await queueEmail(tx, {
      to: follower.email,
      subject: t(`follow.email.${kind}.subject`, vars(locale)),
      body: t(`follow.email.${kind}.body`, { ...vars(locale), unsubscribe }),
      headers: unsubscribeHeaders(unsubscribe),
    });
  }
}

const localeOf = (value: string) => (isLocale(value) ? value : DEFAULT_LOCALE);

/** A public round has opened: everyone following all rounds, its ministry or its kind of draft. */
export async function mailNewRoundFollowers(tx: Tx, roundId: string) {
  const round = await tx.consultationRound.findUniqueOrThrow({
    where: { id: roundId },
    select: {
      title: true,
      audience: true,
      draft: {
        select: {
          ...DRAFT_TITLES,
          kind: true,
          ownerOrganizationId: true,
          ownerOrganization: { select: ORGANIZATION_NAME_FIELDS },
        },
      },
    },
  });
  // Invited rounds are not public: their opening is told only to the invited organizations.
  if (round.audience !== "PUBLIC") return;
  const followers = await tx.subscription.findMany({
    where: {
      topic: "NEW_ROUNDS",
      confirmedAt: { not: null },
      OR: [
        { organizationId: null, draftKind: null },
        { organizationId: round.draft.ownerOrganizationId },
        { draftKind: round.draft.kind },
      ],
    },
    orderBy: { createdAt: "asc" },
  });
  await mailFollowers(tx, followers, "roundOpened", (locale) => ({
    title: round.title,
    draft: draftTitle(round.draft, locale),
    ministry: organizationName(round.draft.ownerOrganization, locale),
    link: appLink(`/rounds/${roundId}`),
  }));
}

/** A round's summary (every proposal with its answer) is published: its followers hear it. */
export async function mailAnswerFollowers(tx: Tx, roundId: string) {
  const round = await tx.consultationRound.findUniqueOrThrow({
    where: { id: roundId },
    select: { title: true, audience: true, draft: { select: DRAFT_TITLES } },
  });
  if (round.audience !== "PUBLIC") return;
  const followers = await tx.subscription.findMany({
    where: { topic: "ROUND_ANSWERS", roundId, confirmedAt: { not: null } },
    orderBy: { createdAt: "asc" },
  });
  await mailFollowers(tx, followers, "answersPublished", (locale) => ({
    title: round.title,
    draft: draftTitle(round.draft, locale),
    link: appLink(`/rounds/${roundId}/summary`),
  }));
}
