import { isGovernmentStaff, membershipIn, type MaybeActor } from "./actor";
import { REGISTERED_STATUSES } from "./register";

/**
 * Draft permissions. A draft belongs to a ministry or municipality; its members edit it.
 * Sharing grants edit, suggest or comment-only access to a partner organization (all its
 * members) or to one person. A suggester proposes wording in the text that editors accept or
 * reject; the collab server lets a suggester's connection write its own suggestions only. The text itself is editable only while the draft is being written.
 */
export type DraftStatus =
  | "DRAFTING"
  | "IN_CONSULTATION"
  | "REVISION"
  | "COLLEGIUM_REVIEW"
  | "ADOPTED"
  | "SIGNED"
  | "WITHDRAWN";

export type DraftGrant = { organizationId: string | null; userId: string | null; level: GrantLevel };

/** Sharing levels, weakest last: the strongest grant that reaches a person counts. */
export type GrantLevel = "EDIT" | "SUGGEST" | "COMMENT";
const GRANT_STRENGTH: Record<GrantLevel, number> = { EDIT: 3, SUGGEST: 2, COMMENT: 1 };

export type DraftResource = {
  type: "draft";
  id: string;
  ownerOrganizationId: string;
  status: DraftStatus;
  grants: DraftGrant[];
};

/** What a person may do with a draft's live text: edit, suggest changes, read and comment, or nothing. */
export type DocumentAccess = "edit" | "suggest" | "comment" | null;

/** While the text is being written: only then is it edited (and its authenticity decided). */
export const EDITABLE_STATUSES: DraftStatus[] = ["DRAFTING", "REVISION"];

/**
 * Every status change the workflow knows. Most follow an event and are written only by the
 * step that produces it: IN_CONSULTATION when a round opens (round scheduler), REVISION when
 * the last round's answers are published or a review closes without approval,
 * COLLEGIUM_REVIEW when a review is sent, ADOPTED when a review closes approved, SIGNED when
 * the signature of an agreement is recorded. See MANUAL_TRANSITIONS for the rest.
 */
export const DRAFT_TRANSITIONS: Record<DraftStatus, DraftStatus[]> = {
  DRAFTING: ["IN_CONSULTATION", "COLLEGIUM_REVIEW", "SIGNED", "WITHDRAWN"],
  IN_CONSULTATION: ["REVISION", "WITHDRAWN"],
  REVISION: ["IN_CONSULTATION", "COLLEGIUM_REVIEW", "SIGNED", "WITHDRAWN"],
  COLLEGIUM_REVIEW: ["ADOPTED", "REVISION"],
  ADOPTED: [],
  SIGNED: [],
  WITHDRAWN: [],
};

/**
 * The only changes a person makes by hand with the status form: withdrawing a draft that is
 * still being worked on. Under collegium review it is the collegium's to decide; adopted,
 * signed and withdrawn are final. Everything else follows its event (DRAFT_TRANSITIONS).
 */
export const MANUAL_TRANSITIONS: Record<DraftStatus, DraftStatus[]> = {
  DRAFTING: ["WITHDRAWN"],
  IN_CONSULTATION: ["WITHDRAWN"],
  REVISION: ["WITHDRAWN"],
  COLLEGIUM_REVIEW: [],
  ADOPTED: [],
  SIGNED: [],
  WITHDRAWN: [],
};

/** Agreements are signed by their parties instead of being adopted by a collegium. */
export const AGREEMENT_KINDS = ["COOPERATION_AGREEMENT", "MEMORANDUM", "PROTOCOL"] as const;

/** An agreement's signature is recorded on a version frozen while the text is worked on. */
export const SIGNABLE_STATUSES: DraftStatus[] = ["DRAFTING", "REVISION"];

export function isOwnerStaff(actor: MaybeActor, draft: DraftResource): boolean {
  return !!actor && (actor.isPlatformAdmin || !!membershipIn(actor, draft.ownerOrganizationId));
}

/** An administrator of the draft's owning organization (or a platform administrator). */
export function isOwnerAdmin(actor: MaybeActor, draft: DraftResource): boolean {
  return !!actor && (actor.isPlatformAdmin || membershipIn(actor, draft.ownerOrganizationId)?.role === "ADMIN");
}

/** The strongest grant that reaches this actor (through their organizations or by name). */
function grantedLevel(actor: MaybeActor, draft: DraftResource): GrantLevel | null {
  if (!actor) return null;
  let level: GrantLevel | null = null;
  for (const grant of draft.grants) {
    const reaches =
      (grant.userId !== null && grant.userId === actor.id) ||
      (grant.organizationId !== null && !!membershipIn(actor, grant.organizationId));
    if (reaches && (level === null || GRANT_STRENGTH[grant.level] > GRANT_STRENGTH[level])) level = grant.level;
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
  if (!EDITABLE_STATUSES.includes(draft.status)) return "comment";
  if (level === "EDIT") return "edit";
  if (level === "SUGGEST") return "suggest";
  return "comment";
}

export const draftRules = {
  /** Ministry and municipality staff start drafts (for their own organization). */
  create: (actor: MaybeActor) => !!actor && (actor.isPlatformAdmin || isGovernmentStaff(actor)),
  view: (actor: MaybeActor, draft: DraftResource) => documentAccess(actor, draft) !== null,
  edit: (actor: MaybeActor, draft: DraftResource) => documentAccess(actor, draft) === "edit",
  /** Proposing wording in the text (a suggestion); editors may switch themselves to suggesting too. */
  suggest: (actor: MaybeActor, draft: DraftResource) => {
    const access = documentAccess(actor, draft);
    return access === "edit" || access === "suggest";
  },
  /** Accepting or rejecting suggestions changes the text: the draft's editors decide. */
  decideSuggestion: (actor: MaybeActor, draft: DraftResource) => documentAccess(actor, draft) === "edit",
  comment: (actor: MaybeActor, draft: DraftResource) => documentAccess(actor, draft) !== null,
  /**
   * The dossier's attachments (explanatory note, annexes …) are part of what is being written:
   * whoever may edit the text adds, replaces and removes them, while it may be edited.
   */
  manageAttachments: (actor: MaybeActor, draft: DraftResource) => documentAccess(actor, draft) === "edit",
  /** Titles and kind are the public record's once adopted or signed: nobody rewrites them then. */
  updateDetails: (actor: MaybeActor, draft: DraftResource) =>
    isOwnerStaff(actor, draft) && !REGISTERED_STATUSES.includes(draft.status),
  /**
   * The text's language belongs to the text: whoever may edit it may say which language it is
   * in (a translator's draft shared for editing included), while editing is open.
   */
  changeTextLanguage: (actor: MaybeActor, draft: DraftResource) => documentAccess(actor, draft) === "edit",
  share: (actor: MaybeActor, draft: DraftResource) => isOwnerStaff(actor, draft),
  /** Freezing a version is the owner's act: it is what rounds, reviews and signatures refer to. */
  createVersion: (actor: MaybeActor, draft: DraftResource) => isOwnerStaff(actor, draft),
  /** Withdrawing speaks for the whole organization: its administrators decide, not every member. */
  changeStatus: (actor: MaybeActor, draft: DraftResource) =>
    isOwnerAdmin(actor, draft) && MANUAL_TRANSITIONS[draft.status].length > 0,
  /** Recording who signed an agreement, and so making it SIGNED, is for the owner's administrators. */
  recordSignature: (actor: MaybeActor, draft: DraftResource) =>
    isOwnerAdmin(actor, draft) && SIGNABLE_STATUSES.includes(draft.status),
};

/** A change the status form may make: by hand, allowed from this status, by this person. */
export function canTransition(actor: MaybeActor, draft: DraftResource, to: DraftStatus): boolean {
  return draftRules.changeStatus(actor, draft) && MANUAL_TRANSITIONS[draft.status].includes(to);
}
