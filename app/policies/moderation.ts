import { membershipIn, type MaybeActor } from "./actor";
import { commentRules, type ThreadResource } from "./comments";
import { isOwnerStaff } from "./drafts";
import { roundRules, type RoundResource } from "./rounds";

/**
 * Moderation of public input. Only the staff of the ministry that owns the draft hide or
 * unhide a proposal (in its round) or a comment (in its thread): a partner NGO with edit
 * access, or staff of another ministry, cannot. Anyone signed in with a verified e-mail who
 * can see the text may flag it for the moderators (a flag is work for them, like a proposal).
 */
export type ModeratedResource = RoundResource | ThreadResource;

const draftOf = (resource: ModeratedResource) => resource.draft;

const canSee = (actor: MaybeActor, resource: ModeratedResource) =>
  resource.type === "round" ? roundRules.view(actor, resource) : commentRules.viewThread(actor, resource);

export const moderationRules = {
  hide: (actor: MaybeActor, resource: ModeratedResource) => isOwnerStaff(actor, draftOf(resource)),
  flag: (actor: MaybeActor, resource: ModeratedResource) =>
    actor !== null && actor.isVerified && canSee(actor, resource),
  /** The log of one organization's moderation: its own government staff, and platform admins. */
  viewLog: (actor: MaybeActor, organizationId: string) => {
    if (actor?.isPlatformAdmin) return true;
    const membership = membershipIn(actor, organizationId);
    return membership?.organizationKind === "MINISTRY" || membership?.organizationKind === "MUNICIPALITY";
  },
};
