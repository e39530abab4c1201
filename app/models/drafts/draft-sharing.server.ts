import type { CurrentUser } from "~/auth/current-user.server";
import type { ShareInput } from "~/schemas/draft";
import { db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { revokeDraftAccess, shareDraft } from "./drafts.server";

/** Done with the message to show, or refused with errors by field; the route has checked `draft.share`. */
export type SharingResult = { ok: true; message: string } | { ok: false; errors: FieldErrors };

const NOT_FOUND: SharingResult = { ok: false, errors: { form: "errors.notFound" } };

export type AccessLevel = "EDIT" | "SUGGEST" | "COMMENT";

/** A draft's grants with the organization or person each reaches, oldest first. */
export function listDraftGrants(draftId: string) {
  return db().draftAccess.findMany({
    where: { draftId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { organization: true, user: { select: { id: true, name: true, email: true } } },
  });
}

export async function revokeSharing(user: CurrentUser, draftId: string, grantId: string): Promise<SharingResult> {
  const revoked = await revokeDraftAccess(user.id, draftId, grantId);
  return revoked ? { ok: true, message: "sharing.revoked" } : NOT_FOUND;
}

/** A grant of this draft gets another level; an unknown grant or level is "not found". */
export async function changeSharingLevel(
  user: CurrentUser,
  draftId: string,
  grantId: string,
  level: AccessLevel | null,
): Promise<SharingResult> {
  const grant = await db().draftAccess.findFirst({ where: { id: grantId, draftId } });
  if (!grant || !level) return NOT_FOUND;
  const target = grant.organizationId ? { organizationId: grant.organizationId } : { userId: grant.userId! };
  await shareDraft(user.id, draftId, target, level);
  return { ok: true, message: "sharing.changed" };
}

/** Shares with an organization or an active person by e-mail. */
export async function grantSharing(user: CurrentUser, draftId: string, input: ShareInput): Promise<SharingResult> {
  if (input.target === "organization") {
    const org = await db().organization.findUnique({ where: { id: input.organizationId! } });
    if (!org) return { ok: false, errors: { organizationId: "errors.notFound" } };
    await shareDraft(user.id, draftId, { organizationId: org.id }, input.level);
  } else {
    const person = await db().user.findUnique({ where: { email: input.email! } });
    if (!person || !person.isActive) return { ok: false, errors: { email: "sharing.noSuchUser" } };
    await shareDraft(user.id, draftId, { userId: person.id }, input.level);
  }
  return { ok: true, message: "sharing.granted" };
}
