import { membershipIn, type MaybeActor } from "./actor";
import { isOwnerStaff, type DraftResource } from "./drafts";

/**
 * Consultation rounds. A public round can be read by anyone (signed out too) and
 * answered by anyone signed in whose e-mail is verified (citizens included); an invited
 * round only by the invited organizations.
 * Only the draft owner's staff create rounds, read every proposal, answer and publish.
 */
export type RoundResource = {
  type: "round";
  draft: DraftResource;
  audience: "PUBLIC" | "INVITED";
  status: "SCHEDULED" | "OPEN" | "CLOSED" | "ANSWERED";
  invitedOrganizationIds: string[];
};

/** The fields of a stored round the policy decides on, with its draft's resource. */
export type RoundForPolicy = {
  audience: RoundResource["audience"];
  status: RoundResource["status"];
  invitations: { organizationId: string }[];
};

export function roundResourceOf(round: RoundForPolicy, draft: DraftResource): RoundResource {
  return {
    type: "round",
    draft,
    audience: round.audience,
    status: round.status,
    invitedOrganizationIds: round.invitations.map((i) => i.organizationId),
  };
}

const invited = (actor: MaybeActor, round: RoundResource) =>
  round.invitedOrganizationIds.some((id) => !!membershipIn(actor, id));

export const roundRules = {
  /** A round is run on a draft still being worked on, not on an adopted or withdrawn one. */
  create: (actor: MaybeActor, draft: DraftResource) =>
    isOwnerStaff(actor, draft) && ["DRAFTING", "IN_CONSULTATION", "REVISION"].includes(draft.status),
  /** Before it opens, a round (and its text) is the owner's business only. */
  view: (actor: MaybeActor, round: RoundResource) =>
    isOwnerStaff(actor, round.draft) ||
    (round.status !== "SCHEDULED" && (round.audience === "PUBLIC" || invited(actor, round))),
  /** The state check here is the policy's; the model checks the clock again when writing. */
  submit: (actor: MaybeActor, round: RoundResource) =>
    actor !== null &&
    actor.isVerified &&
    round.status === "OPEN" &&
    (round.audience === "PUBLIC" || invited(actor, round)),
  /** Staff see every proposal with its author; others see counts and their own. */
  viewAllProposals: (actor: MaybeActor, round: RoundResource) => isOwnerStaff(actor, round.draft),
  answer: (actor: MaybeActor, round: RoundResource) => isOwnerStaff(actor, round.draft) && round.status === "CLOSED",
  publishSummary: (actor: MaybeActor, round: RoundResource) =>
    isOwnerStaff(actor, round.draft) && round.status === "CLOSED",
  viewSummary: (actor: MaybeActor, round: RoundResource) =>
    roundRules.view(actor, round) && (round.status === "ANSWERED" || isOwnerStaff(actor, round.draft)),
};
