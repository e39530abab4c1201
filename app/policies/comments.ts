import type { MaybeActor } from "./actor";
import { documentAccess, isOwnerStaff, type DraftResource } from "./drafts";

/**
 * Comment visibility: INTERNAL threads are for the draft's owning organization only,
 * WORKING_GROUP threads for everyone with access to the draft. Every page, API and
 * export that shows comments asks these rules.
 */
export type ThreadResource = {
  type: "thread";
  draft: DraftResource;
  authorId: string;
  visibility: "INTERNAL" | "WORKING_GROUP";
};

export type CommentResource = { type: "comment"; thread: ThreadResource; authorId: string };

const canSeeDraft = (actor: MaybeActor, draft: DraftResource) => documentAccess(actor, draft) !== null;

export const commentRules = {
  viewThread: (actor: MaybeActor, thread: ThreadResource) =>
    canSeeDraft(actor, thread.draft) && (thread.visibility === "WORKING_GROUP" || isOwnerStaff(actor, thread.draft)),
  /**
   * Only the owner's staff can start an internal thread; anyone with access a working-group
   * one, once their e-mail is verified (a draft may be shared by name with a citizen).
   */
  startThread: (actor: MaybeActor, draft: DraftResource, visibility: ThreadResource["visibility"]) =>
    !!actor?.isVerified && canSeeDraft(actor, draft) && (visibility === "WORKING_GROUP" || isOwnerStaff(actor, draft)),
  /** Replying is writing too: the same verified address is needed. */
  reply: (actor: MaybeActor, thread: ThreadResource) => !!actor?.isVerified && commentRules.viewThread(actor, thread),
  resolveThread: (actor: MaybeActor, thread: ThreadResource) =>
    commentRules.viewThread(actor, thread) && (isOwnerStaff(actor, thread.draft) || actor?.id === thread.authorId),
  /** One's own comments only: nobody edits or deletes someone else's words. */
  changeComment: (actor: MaybeActor, comment: CommentResource) =>
    commentRules.viewThread(actor, comment.thread) && actor?.id === comment.authorId,
};
