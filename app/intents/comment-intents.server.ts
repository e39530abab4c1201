import type { CurrentUser } from "~/auth/current-user.server";
import { guard, handleIntents, InvalidInput } from "~/boundary/request-boundary.server";
import {
  deleteComment,
  editComment,
  findComment,
  findThread,
  reply,
  setThreadStatus,
  startThread,
  threadResource,
} from "~/models/comments/comments.server";
import type { DraftResource } from "~/policies";
import { DeleteCommentSchema, EditCommentSchema, NewThreadSchema, ReplySchema } from "~/schemas/comment";
import { db } from "~/utils/db.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";

/**
 * Every change to comments, after the route has checked that the person may comment on
 * the draft at all. Threads and comments are looked up within this draft only, so an id
 * from another draft is simply not found; the policy (`thread.*`, `comment.change`)
 * decides the rest through the boundary's guard: a thread one may not see answers 404,
 * an action one may not take 403.
 */
export function commentIntents(request: Request, user: CurrentUser, draft: DraftResource, clientAddress: string) {
  const threadGuard = (thread: Awaited<ReturnType<typeof findThread>>, action: "thread.reply" | "thread.resolve") =>
    guard({
      request,
      user,
      object: { type: "CommentThread", id: thread?.id },
      loaded: thread,
      resourceOf: (found) => threadResource(draft, found),
      view: "thread.view",
      action,
    });
  // Every new comment lands in the working group's threads and notifications.
  const limitNewComments = () => enforceRateLimit(db(), "comment", { account: user.id, address: clientAddress });
  const changeOwn = async (commentId: string) => {
    const { loaded: comment } = await guard({
      request,
      user,
      object: { type: "Comment", id: commentId },
      loaded: await findComment(draft.id, commentId),
      resourceOf: (found) => ({
        type: "comment",
        thread: threadResource(draft, found.thread),
        authorId: found.authorId,
      }),
      action: "comment.change",
    });
    if (comment.deletedAt) throw new InvalidInput({ form: "errors.notFound" }, 410);
    return comment;
  };

  return handleIntents(request, {
    audit: { prefix: "comment", objectType: "Draft", objectId: draft.id },
    rateLimitField: "body",
    json: true,
    intents: {
      create: async ({ parse }) => {
        await limitNewComments();
        const input = parse(NewThreadSchema);
        // Only the owner's staff start internal threads; anyone who may comment, working-group ones.
        await guard({
          request,
          user,
          object: { type: "Draft", id: draft.id },
          loaded: draft,
          resourceOf: (found) => found,
          action: input.visibility === "INTERNAL" ? "draft.commentInternal" : "draft.comment",
        });
        await startThread(user, draft, input);
      },
      reply: async ({ parse }) => {
        await limitNewComments();
        const input = parse(ReplySchema);
        const { loaded: thread } = await threadGuard(await findThread(draft.id, input.threadId), "thread.reply");
        await reply(user, draft, thread.id, input.body);
      },
      edit: async ({ parse }) => {
        const input = parse(EditCommentSchema);
        const comment = await changeOwn(input.commentId);
        await editComment(user.id, draft.id, comment.id, input.body);
      },
      delete: async ({ parse }) => {
        const comment = await changeOwn(parse(DeleteCommentSchema).commentId);
        await deleteComment(user.id, draft.id, comment.id);
      },
      resolve: async ({ text }) => {
        const { loaded: thread } = await threadGuard(await findThread(draft.id, text("threadId")), "thread.resolve");
        await setThreadStatus(user.id, draft.id, thread.id, "RESOLVED");
      },
      reopen: async ({ text }) => {
        const { loaded: thread } = await threadGuard(await findThread(draft.id, text("threadId")), "thread.resolve");
        await setThreadStatus(user.id, draft.id, thread.id, "OPEN");
      },
    },
  });
}
