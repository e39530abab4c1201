import { isGovernmentStaff, membershipIn, type MaybeActor } from "./actor";

/**
 * Draft permissions. A draft belongs to a ministry or municipality; its members edit it.
 * Sharing grants edit or comment-only access to a partner organization (all its members)
 * or to one person. The text itself is editable only while the draft is being written.
 */
export type DraftStatus =
  | "DRAFTING"
  | "IN_CONSULTATION"
  | "REVISION"
  | "COLLEGIUM_REVIEW"
  | "ADOPTED"
  | "SIGNED"
  | "WITHDRAWN";

export type DraftGrant = { organizationId: string | null; userId: string | null; level: "EDIT" | "COMMENT" };

export type DraftResource = {
  type: "draft";
  id: string;
  ownerOrganizationId: string;
  status: DraftStatus;
  grants: DraftGrant[];
};

/** What a person may do with a draft's live text: edit, read and comment, or nothing. */
export type DocumentAccess = "edit" | "comment" | null;

const EDITABLE_STATUSES: DraftStatus[] = ["DRAFTING", "REVISION"];

/** Allowed status changes; the consultation and collegium issues drive some of them by rule. */
export const DRAFT_TRANSITIONS: Record<DraftStatus, DraftStatus[]> = {
  DRAFTING: ["IN_CONSULTATION", "COLLEGIUM_REVIEW", "WITHDRAWN"],
  IN_CONSULTATION: ["REVISION", "WITHDRAWN"],
  REVISION: ["IN_CONSULTATION", "COLLEGIUM_REVIEW", "WITHDRAWN"],
  COLLEGIUM_REVIEW: ["ADOPTED", "SIGNED", "REVISION", "WITHDRAWN"],
  ADOPTED: [],
  SIGNED: [],
  WITHDRAWN: [],
};

export function isOwnerStaff(actor: MaybeActor, draft: DraftResource): boolean {
  return !!actor && (actor.isPlatformAdmin || !!membershipIn(actor, draft.ownerOrganizationId));
}

/** The strongest grant that reaches this actor (through their organizations or by name). */
function grantedLevel(actor: MaybeActor, draft: DraftResource): "EDIT" | "COMMENT" | null {
  if (!actor) return null;
  let level: "EDIT" | "COMMENT" | null = null;
  for (const grant of draft.grants) {
    const reaches =
      (grant.userId !== null && grant.userId === actor.id) ||
      (grant.organizationId !== null && !!membershipIn(actor, grant.organizationId));
    if (reaches && (grant.level === "EDIT" || level === null)) level = grant.level;
  }
  return level;
}

/**
 * The one answer the web app and the collab server both use for a draft's live text.
 * Outside DRAFTING/REVISION even editors only read (the text is under consultation or review).
 */
export function documentAccess(actor: MaybeActor, draft: DraftResource): DocumentAccess {
  const level = isOwnerStaff(actor, draft) ? "EDIT" : grantedLevel(actor, draft);
  if (level === null) return null;
  if (level === "EDIT" && EDITABLE_STATUSES.includes(draft.status)) return "edit";
  return "comment";
}

export const draftRules = {
  /** Ministry and municipality staff start drafts (for their own organization). */
  create: (actor: MaybeActor) => !!actor && (actor.isPlatformAdmin || isGovernmentStaff(actor)),
  view: (actor: MaybeActor, draft: DraftResource) => documentAccess(actor, draft) !== null,
  edit: (actor: MaybeActor, draft: DraftResource) => documentAccess(actor, draft) === "edit",
  comment: (actor: MaybeActor, draft: DraftResource) => documentAccess(actor, draft) !== null,
  updateDetails: (actor: MaybeActor, draft: DraftResource) => isOwnerStaff(actor, draft),
  share: (actor: MaybeActor, draft: DraftResource) => isOwnerStaff(actor, draft),
  changeStatus: (actor: MaybeActor, draft: DraftResource) => isOwnerStaff(actor, draft),
};

export function canTransition(actor: MaybeActor, draft: DraftResource, to: DraftStatus): boolean {
  return draftRules.changeStatus(actor, draft) && DRAFT_TRANSITIONS[draft.status].includes(to);
}
