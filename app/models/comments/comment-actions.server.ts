import type { CurrentUser } from "~/auth/current-user.server";
import { commentRules, type DraftResource } from "~/policies";
import { DeleteCommentSchema, EditCommentSchema, NewThreadSchema, ReplySchema } from "~/schemas/comment";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { db } from "~/utils/db.server";
import { RateLimitedError, rateLimitMessage, takeRateLimit } from "~/utils/rate-limit.server";
import { forbidden, notFound } from "~/utils/responses.server";
import {
  deleteComment,
  editComment,
  findComment,
  findThread,
  reply,
  setThreadStatus,
  startThread,
  threadResource,
} from "./comments.server";

export type CommentActionResult = { ok: boolean; intent: string; errors: FieldErrors; status: number };

const ok = (intent: string): CommentActionResult => ({ ok: true, intent, errors: {}, status: 200 });
const invalid = (intent: string, errors: FieldErrors, status = 400): CommentActionResult => ({
  ok: false,
  intent,
  errors,
  status,
});

/**
 * Every change to comments, after the route has checked that the person may comment on
 * the draft at all. Threads and comments are looked up within this draft only, so an id
 * from another draft is simply not found; a thread one may not see answers 404, an
 * action one may not take 403.
 */
export async function handleCommentAction(
  user: CurrentUser,
  draft: DraftResource,
  form: FormData,
  clientAddress: string,
): Promise<CommentActionResult> {
  const intent = String(form.get("intent") ?? "");
  try {
    return await commentAction(intent, user, draft, form, clientAddress);
  } catch (error) {
    // Too many people mentioned: the comment's transaction rolled back, nothing was written.
    if (error instanceof RateLimitedError) return invalid(intent, { body: error.messageKey }, 429);
    throw error;
  }
}

async function commentAction(
  intent: string,
  user: CurrentUser,
  draft: DraftResource,
  form: FormData,
  clientAddress: string,
): Promise<CommentActionResult> {
  if (intent === "create" || intent === "reply") {
    // Every new comment lands in the working group's threads and notifications.
    const limit = await takeRateLimit(db(), "comment", { account: user.id, address: clientAddress });
    if (!limit.ok) return invalid(intent, { body: rateLimitMessage("comment", limit.retryAfterSeconds) }, 429);
  }
  if (intent === "create") {
    const parsed = parseForm(NewThreadSchema, form);
    if (!parsed.ok) return invalid(intent, parsed.errors);
    if (!commentRules.startThread(user.actor, draft, parsed.value.visibility)) throw forbidden();
    await startThread(user, draft, parsed.value);
    return ok(intent);
  }
  if (intent === "reply") {
    const parsed = parseForm(ReplySchema, form);
    if (!parsed.ok) return invalid(intent, parsed.errors);
    const thread = await findThread(draft.id, parsed.value.threadId);
    if (!thread || !commentRules.viewThread(user.actor, threadResource(draft, thread))) throw notFound();
    await reply(user, draft, thread.id, parsed.value.body);
    return ok(intent);
  }
  if (intent === "edit" || intent === "delete") {
    const parsed = intent === "edit" ? parseForm(EditCommentSchema, form) : parseForm(DeleteCommentSchema, form);
    if (!parsed.ok) return invalid(intent, parsed.errors);
    const comment = await findComment(draft.id, parsed.value.commentId);
    const thread = comment && threadResource(draft, comment.thread);
    if (!comment || !thread || !commentRules.viewThread(user.actor, thread)) throw notFound();
    if (!commentRules.changeComment(user.actor, { type: "comment", thread, authorId: comment.authorId }))
      throw forbidden();
    if (comment.deletedAt) return invalid(intent, { form: "errors.notFound" }, 410);
    const body = "body" in parsed.value ? String(parsed.value.body) : null;
    if (body !== null) await editComment(user.id, draft.id, comment.id, body);
    else await deleteComment(user.id, draft.id, comment.id);
    return ok(intent);
  }
  if (intent === "resolve" || intent === "reopen") {
    const thread = await findThread(draft.id, String(form.get("threadId") ?? ""));
    if (!thread || !commentRules.viewThread(user.actor, threadResource(draft, thread))) throw notFound();
    if (!commentRules.resolveThread(user.actor, threadResource(draft, thread))) throw forbidden();
    await setThreadStatus(user.id, draft.id, thread.id, intent === "resolve" ? "RESOLVED" : "OPEN");
    return ok(intent);
  }
  return invalid(intent, { form: "errors.unknownAction" });
}
