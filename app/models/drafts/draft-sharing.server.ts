import type { CurrentUser } from "~/auth/current-user.server";
import { ShareSchema } from "~/schemas/draft";
import { db } from "~/utils/db.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { revokeDraftAccess, shareDraft } from "./drafts.server";

export type SharingResult = { ok: boolean; errors: FieldErrors; message?: string };

/** The sharing page's intents, after the route has checked `draft.share`. */
export async function handleSharingAction(user: CurrentUser, draftId: string, form: FormData): Promise<SharingResult> {
  const intent = String(form.get("intent") ?? "");
  if (intent === "revoke") {
    const revoked = await revokeDraftAccess(user.id, draftId, String(form.get("grantId") ?? ""));
    return revoked
      ? { ok: true, errors: {}, message: "sharing.revoked" }
      : { ok: false, errors: { form: "errors.notFound" } };
  }
  if (intent === "level") {
    const grant = await db().draftAccess.findFirst({ where: { id: String(form.get("grantId") ?? ""), draftId } });
    const level = form.get("level");
    if (!grant || (level !== "EDIT" && level !== "COMMENT")) return { ok: false, errors: { form: "errors.notFound" } };
    const target = grant.organizationId ? { organizationId: grant.organizationId } : { userId: grant.userId! };
    await shareDraft(user.id, draftId, target, level);
    return { ok: true, errors: {}, message: "sharing.changed" };
  }
  const parsed = parseForm(ShareSchema, form);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  if (parsed.value.target === "organization") {
    const org = await db().organization.findUnique({ where: { id: parsed.value.organizationId! } });
    if (!org) return { ok: false, errors: { organizationId: "errors.notFound" } };
    await shareDraft(user.id, draftId, { organizationId: org.id }, parsed.value.level);
  } else {
    const person = await db().user.findUnique({ where: { email: parsed.value.email! } });
    if (!person || !person.isActive) return { ok: false, errors: { email: "sharing.noSuchUser" } };
    await shareDraft(user.id, draftId, { userId: person.id }, parsed.value.level);
  }
  return { ok: true, errors: {}, message: "sharing.granted" };
}
