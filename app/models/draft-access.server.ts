import type { DraftResource } from "~/policies";
import { db } from "~/utils/db.server";

/** The policy's view of a draft: owner, status and every grant. Null when it does not exist. */
export async function loadDraftResource(draftId: string): Promise<DraftResource | null> {
  const draft = await db().draft.findUnique({
    where: { id: draftId },
    select: {
      id: true,
      ownerOrganizationId: true,
      status: true,
      access: { select: { organizationId: true, userId: true, level: true } },
    },
  });
  if (!draft) return null;
  return {
    type: "draft",
    id: draft.id,
    ownerOrganizationId: draft.ownerOrganizationId,
    status: draft.status,
    grants: draft.access,
  };
}
