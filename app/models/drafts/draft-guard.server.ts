import { requireUser, type CurrentUser } from "~/auth/current-user.server";
import { can, type Action, type DraftResource } from "~/policies";
import { auditRefusal } from "~/utils/audit.server";
import { forbidden, notFound } from "~/utils/responses.server";
import { getDraft } from "./drafts.server";

/**
 * Loads a draft for a route and checks the action on it. A draft the user may not even
 * view answers 404, so its existence stays private; a visible one answers 403.
 */
export async function requireDraft(request: Request, draftId: string | undefined, action: Action) {
  const user: CurrentUser = await requireUser(request);
  const draft = await getDraft(draftId ?? "");
  if (!draft) {
    await auditRefusal(request, user.id, { action, objectType: "Draft", objectId: draftId, reason: "notFound" });
    throw notFound();
  }
  const resource: DraftResource = {
    type: "draft",
    id: draft.id,
    ownerOrganizationId: draft.ownerOrganizationId,
    status: draft.status,
    grants: draft.access.map((a) => ({ organizationId: a.organizationId, userId: a.userId, level: a.level })),
  };
  const refuse = async (reason: string, response: Response) => {
    await auditRefusal(request, user.id, { action, objectType: "Draft", objectId: draft.id, reason });
    return response;
  };
  if (!can(user.actor, "draft.view", resource)) throw await refuse("notFound", notFound());
  if (!can(user.actor, action, resource)) throw await refuse("forbidden", forbidden());
  return { user, draft, resource };
}
