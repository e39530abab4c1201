import type { CurrentUser } from "~/auth/current-user.server";
import { canOn, type ActionOn, type Resource } from "~/policies";
import { auditRefusal } from "~/utils/audit.server";
import { forbidden, notFound } from "./http-errors.server";

/**
 * For what is already at hand (the platform, an organization, a person): throws 403, or
 * 404 with `hide` where even the page's existence is private, unless the policy allows it.
 * A refused change leaves a `refused.<action>` row, so an admin who tries to raise
 * someone is seen.
 */
export async function allow<R extends Resource>(
  request: Request,
  user: CurrentUser,
  action: ActionOn<R>,
  resource: R,
  options: { hide?: boolean; object?: { type: string; id: string } } = {},
): Promise<void> {
  if (canOn(user.actor, action, resource)) return;
  await auditRefusal(request, user.id, {
    action,
    objectType: options.object?.type ?? objectTypeOf(resource),
    objectId: options.object?.id ?? ("id" in resource && typeof resource.id === "string" ? resource.id : ""),
    reason: options.hide ? "notFound" : "forbidden",
  });
  throw options.hide ? notFound() : forbidden();
}

const OBJECT_TYPES: Record<string, string> = {
  platform: "Platform",
  organization: "Organization",
  user: "User",
  collegium: "Collegium",
  draft: "Draft",
};

function objectTypeOf(resource: Resource): string {
  return OBJECT_TYPES[resource.type] ?? resource.type;
}
