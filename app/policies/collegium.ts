import { membershipIn, type MaybeActor } from "./actor";
import { DRAFT_TRANSITIONS, isOwnerStaff, type DraftResource } from "./drafts";

/**
 * The collegium attached to a ministry and its reviews of final drafts. The roll is public
 * to signed-in people; the ministry's administrators keep it. Only the members in office
 * when a review was sent decide on it, each for themselves; the secretary closes it.
 */
export type CollegiumResource = { type: "collegium"; organizationId: string };

export type ReviewResource = {
  type: "review";
  status: "OPEN" | "CLOSED";
  collegium: CollegiumResource;
  draft: DraftResource;
  /** Users holding a reviewer's seat on this review (members in office when it was sent). */
  reviewerUserIds: string[];
  /** Users who are the body's secretary now. */
  secretaryUserIds: string[];
  /** Users who chair the body now. */
  chairUserIds: string[];
  /** Every reviewer's seat has a decision (read with the review). */
  everyoneDecided: boolean;
  /** The due date has come by the server's clock when the review was read. */
  dueReached: boolean;
};

const ministryAdmin = (actor: MaybeActor, body: CollegiumResource) =>
  !!actor && (actor.isPlatformAdmin || membershipIn(actor, body.organizationId)?.role === "ADMIN");

const isReviewer = (actor: MaybeActor, review: ReviewResource) => !!actor && review.reviewerUserIds.includes(actor.id);

export const collegiumRules = {
  view: (actor: MaybeActor) => actor !== null,
  manage: ministryAdmin,
  /**
   * The draft's owner staff send it, to a collegium of their own ministry, from a status the
   * workflow lets move to collegium review (so never while a round runs or after a decision).
   */
  sendForReview: (actor: MaybeActor, draft: DraftResource, body: CollegiumResource) =>
    isOwnerStaff(actor, draft) &&
    draft.ownerOrganizationId === body.organizationId &&
    DRAFT_TRANSITIONS[draft.status].includes("COLLEGIUM_REVIEW"),
  viewReview: (actor: MaybeActor, review: ReviewResource) =>
    isOwnerStaff(actor, review.draft) || isReviewer(actor, review) || review.secretaryUserIds.includes(actor?.id ?? ""),
  decide: (actor: MaybeActor, review: ReviewResource) => review.status === "OPEN" && isReviewer(actor, review),
  /**
   * The secretary closes at the due date, or earlier once every reviewer has decided (nothing
   * is left to wait for). The model checks both again against the stored rows and the clock.
   */
  close: (actor: MaybeActor, review: ReviewResource) =>
    review.status === "OPEN" &&
    !!actor &&
    review.secretaryUserIds.includes(actor.id) &&
    (review.dueReached || review.everyoneDecided),
  /** The tally so far, before closing: for the secretary and the chair, who run the meeting. */
  viewTally: (actor: MaybeActor, review: ReviewResource) =>
    collegiumRules.viewAllDecisions(actor, review) ||
    (!!actor && (review.secretaryUserIds.includes(actor.id) || review.chairUserIds.includes(actor.id))),
  /** Everyone's decisions are shown once the review is closed; before, only counts and one's own. */
  viewAllDecisions: (actor: MaybeActor, review: ReviewResource) =>
    review.status === "CLOSED" && collegiumRules.viewReview(actor, review),
};
