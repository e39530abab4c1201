import type { CurrentUser } from "~/auth/current-user.server";
import { can } from "~/policies";

/**
 * Whose moderation log a person reads: every organization for platform admins, else the
 * government organizations they work for (`moderation.viewLog`); none for anyone else (the
 * route refuses them).
 */
export function moderatorOrganizations(user: CurrentUser): string[] | "all" {
  if (user.actor.isPlatformAdmin) return "all";
  const ids = user.actor.memberships
    .map((m) => m.organizationId)
    .filter((id) => can(user.actor, "moderation.viewLog", { type: "organization", id }));
  return ids;
}

/** Where a log line's object is seen (the staff answering page, or the draft's comments). */
export function moderatedObjectPath(line: {
  objectType: string;
  objectId: string;
  draftId: string;
  roundId: string | null;
}) {
  return line.objectType === "Proposal" && line.roundId
    ? `/rounds/${line.roundId}/answers#proposal-${line.objectId}`
    : `/drafts/${line.draftId}`;
}
