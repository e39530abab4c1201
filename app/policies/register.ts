import type { MaybeActor } from "./actor";
import type { DraftResource, DraftStatus } from "./drafts";

/**
 * The public register of adopted acts and signed agreements. Once a draft is adopted or
 * signed its final text and public consultation history belong to everyone, signed out
 * too, whoever it was shared with while it was written. Everything before that stays
 * behind `draft.view`; invited rounds stay with their guests (`round.view`) even here.
 */
export const REGISTERED_STATUSES: DraftStatus[] = ["ADOPTED", "SIGNED"];

export const registerRules = {
  view: (_actor: MaybeActor, draft: DraftResource) => REGISTERED_STATUSES.includes(draft.status),
};
