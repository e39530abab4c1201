import { DRAFT_TITLES } from "~/i18n/localized-name";
import type { DraftResource } from "~/policies";
import { db } from "~/utils/db.server";

/** What to select of a draft for the policy (plus its titles for headings). */
export const DRAFT_FOR_POLICY = {
  id: true,
  ...DRAFT_TITLES,
  ownerOrganizationId: true,
  status: true,
  // Not a policy input: every page that loads a draft this way also shows its text's labels.
  textLanguage: true,
  access: { select: { organizationId: true, userId: true, level: true } },
} as const;

type DraftForPolicy = {
  id: string;
  ownerOrganizationId: string;
  status: DraftResource["status"];
  access: { organizationId: string | null; userId: string | null; level: "EDIT" | "SUGGEST" | "COMMENT" }[];
};

/** The policy's view of a draft loaded with {@link DRAFT_FOR_POLICY}. */
export function draftResourceOf(draft: DraftForPolicy): DraftResource {
  return {
    type: "draft",
    id: draft.id,
    ownerOrganizationId: draft.ownerOrganizationId,
    status: draft.status,
    // Only what the policy reads: a draft loaded with its grantees' names and e-mails must
    // not carry them into a resource that a loader may hand to the page.
    grants: draft.access.map(({ organizationId, userId, level }) => ({ organizationId, userId, level })),
  };
}

/** The policy's view of a draft: owner, status and every grant. Null when it does not exist. */
export async function loadDraftResource(draftId: string): Promise<DraftResource | null> {
  const draft = await db().draft.findUnique({ where: { id: draftId }, select: DRAFT_FOR_POLICY });
  return draft ? draftResourceOf(draft) : null;
}

/** Several drafts' policy views in one query (the collab server's periodic access re-check). */
export async function loadDraftResources(draftIds: string[]): Promise<Map<string, DraftResource>> {
  const drafts = await db().draft.findMany({ where: { id: { in: draftIds } }, select: DRAFT_FOR_POLICY });
  return new Map(drafts.map((draft) => [draft.id, draftResourceOf(draft)]));
}
