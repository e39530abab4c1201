import { DRAFT_HEADING, draftTitle } from "~/i18n/localized-name";
import { serverT } from "~/i18n/server-t.server";
import type { Tx } from "~/utils/db.server";
import { notifyPeople, RECIPIENT_FIELDS } from "../notifications/notify.server";

/**
 * "A draft was shared with you (or your organization), with this access level": to the
 * person named, or to every member of the organization, but not to the one who shared it.
 */
export async function notifyDraftShared(
  tx: Tx,
  actorId: string,
  draftId: string,
  target: { organizationId: string } | { userId: string },
  level: "EDIT" | "SUGGEST" | "COMMENT",
) {
  const draft = await tx.draft.findUniqueOrThrow({ where: { id: draftId }, select: DRAFT_HEADING });
  const people =
    "userId" in target
      ? await tx.user.findMany({ where: { id: target.userId }, select: RECIPIENT_FIELDS })
      : (
          await tx.membership.findMany({
            where: { organizationId: target.organizationId },
            select: { user: { select: RECIPIENT_FIELDS } },
          })
        ).map((m) => m.user);
  await notifyPeople(
    tx,
    people.filter((p) => p.id !== actorId),
    {
      kind: "draft.shared",
      path: `/drafts/${draftId}`,
      title: (locale) => draftTitle(draft, locale),
      vars: (locale) => ({ level: serverT(locale)(`sharing.levels.${level}`) }),
      about: { draftId, actorId },
    },
  );
}
