import type { CurrentUser } from "~/auth/current-user.server";
import { can, type Action, type Resource } from "~/policies";
import { auditRefusal } from "./audit.server";
import { forbidden } from "./responses.server";

/**
 * `authorize` for changes that grant powers (roles, rolls): a refused attempt answers 403
 * and leaves a `refused.<action>` row, so an admin who tries to raise someone is seen.
 */
export async function authorizeAudited(
  request: Request,
  user: CurrentUser,
  action: Action,
  resource: Resource,
  object: { type: string; id: string },
): Promise<void> {
  if (can(user.actor, action, resource)) return;
  await auditRefusal(request, user.id, { action, objectType: object.type, objectId: object.id, reason: "forbidden" });
  throw forbidden();
}
