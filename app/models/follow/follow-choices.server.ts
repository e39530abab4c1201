import { can } from "~/policies";
import type { Locale } from "~/i18n/config";
import { organizationName, ORGANIZATION_NAMES } from "~/i18n/localized-name";
import { serverT } from "~/i18n/server-t.server";
import { db } from "~/utils/db.server";
import { loadRound } from "../rounds/rounds.server";
import type { FollowScope } from "./follow-scope";

/** Organizations whose new rounds can be followed: the ones that own drafts. */
export function followableOrganizations() {
  return db().organization.findMany({
    where: { kind: { in: ["MINISTRY", "MUNICIPALITY"] } },
    select: ORGANIZATION_NAMES,
    orderBy: { slug: "asc" },
  });
}

/**
 * A round whose answers may be followed: one every visitor can see (a public round that has
 * opened). Invited rounds are never followed by e-mail: their people are told in the app.
 */
export async function followableRound(roundId: string) {
  const loaded = await loadRound(roundId);
  if (!loaded || loaded.round.audience !== "PUBLIC" || !can(null, "round.view", loaded.resource)) return null;
  return { id: loaded.round.id, title: loaded.round.title };
}

/** Checks that the scope names something that exists and may be followed; null if not. */
export async function validScope(scope: FollowScope): Promise<FollowScope | null> {
  if (scope.kind === "ministry") {
    const organization = await db().organization.findFirst({
      where: { id: scope.organizationId, kind: { in: ["MINISTRY", "MUNICIPALITY"] } },
      select: { id: true },
    });
    return organization ? scope : null;
  }
  if (scope.kind === "answers") return (await followableRound(scope.roundId)) ? scope : null;
  return scope;
}

/** What a subscription is about, in the reader's language (unsubscribe page, follow page). */
export async function describeScope(scope: FollowScope, locale: Locale): Promise<string> {
  const t = serverT(locale);
  switch (scope.kind) {
    case "all":
      return t("follow.scopes.all");
    case "draftKind":
      return t("follow.scopes.draftKind", { kind: t(`draftKinds.${scope.draftKind}`) });
    case "ministry": {
      const organization = await db().organization.findUnique({
        where: { id: scope.organizationId },
        select: ORGANIZATION_NAMES,
      });
      return t("follow.scopes.ministry", { name: organization ? organizationName(organization, locale) : "" });
    }
    case "answers": {
      const round = await db().consultationRound.findUnique({ where: { id: scope.roundId }, select: { title: true } });
      return t("follow.scopes.answers", { title: round?.title ?? "" });
    }
  }
}
