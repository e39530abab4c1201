import type { CurrentUser } from "~/auth/current-user.server";
import { can, type DraftResource, type ThreadResource } from "~/policies";
import { indexComment } from "~/search/search-index.server";
import { audit } from "~/utils/audit.server";
import { publishCommentsChanged } from "~/utils/comment-events.server";
import { db, type Tx } from "~/utils/db.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { mentionedUserIds } from "./mentions.server";

export type ThreadRow = Awaited<ReturnType<typeof loadThreads>>[number];

function loadThreads(draftId: string, includeInternal: boolean) {
  return db().commentThread.findMany({
    where: { draftId, ...(includeInternal ? {} : { visibility: "WORKING_GROUP" as const }) },
    orderBy: { createdAt: "asc" },
    include: {
      author: { select: { id: true, name: true } },
      organization: true,
      comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { id: true, name: true } } } },
    },
  });
}

/**
 * The threads of a draft this person may see. Internal threads are filtered in the query,
 * and deleted comments lose their text here, so no caller can leak either.
 */
export async function listVisibleThreads(user: CurrentUser, draft: DraftResource) {
  // Internal threads are the owner's staff's: the same people who may start one.
  // Internal threads are the owner's staff's: the same people who may start one, and who moderate.
  const staff = can(user.actor, "draft.commentInternal", draft);
  const threads = await loadThreads(draft.id, staff);
  return threads
    .filter((thread) => can(user.actor, "thread.view", threadResource(draft, thread)))
    .map((thread) => ({
      ...thread,
      comments: thread.comments.map((comment) => ({
        ...comment,
        // A moderator's hide withholds the words from everyone but the owning ministry's staff.
        body: comment.deletedAt || (comment.hiddenAt && !staff) ? "" : comment.body,
        mine: comment.authorId === user.id,
      })),
      canResolve: can(user.actor, "thread.resolve", threadResource(draft, thread)),
      canModerate: can(user.actor, "moderation.hide", threadResource(draft, thread)),
    }));
}

export function threadResource(
  draft: DraftResource,
  thread: { authorId: string; visibility: "INTERNAL" | "WORKING_GROUP" },
): ThreadResource {
  return { type: "thread", draft, authorId: thread.authorId, visibility: thread.visibility };
}

/**
 * The threads about these suggestions this person may see (the history links to them once the
 * suggestion is decided), with their number of comments.
 */
export async function suggestionThreads(user: CurrentUser, draft: DraftResource, suggestionIds: string[]) {
  if (suggestionIds.length === 0) return [];
  const threads = await db().commentThread.findMany({
    where: { draftId: draft.id, suggestionId: { in: suggestionIds } },
    orderBy: { createdAt: "asc" },
    select: { id: true, suggestionId: true, authorId: true, visibility: true, _count: { select: { comments: true } } },
  });
  return threads
    .filter((thread) => can(user.actor, "thread.view", threadResource(draft, thread)))
    .map((thread) => ({ id: thread.id, suggestionId: thread.suggestionId!, comments: thread._count.comments }));
}

export async function findThread(draftId: string, threadId: string) {
  return db().commentThread.findFirst({ where: { id: threadId, draftId } });
}

export async function findComment(draftId: string, commentId: string) {
  return db().comment.findFirst({ where: { id: commentId, thread: { draftId } }, include: { thread: true } });
}

type NewThread = {
  articleId: string;
  anchorStart: string | null;
  anchorEnd: string | null;
  quote: string | null;
  visibility: "INTERNAL" | "WORKING_GROUP";
  /** The suggestion the thread discusses, if any. */
  suggestionId?: string | null;
  body: string;
};

function authorOrganization(user: CurrentUser, draft: DraftResource): string | null {
  const memberships = user.actor.memberships.map((m) => m.organizationId);
  if (memberships.includes(draft.ownerOrganizationId)) return draft.ownerOrganizationId;
  const granted = draft.grants.find((g) => g.organizationId && memberships.includes(g.organizationId));
  return granted?.organizationId ?? memberships[0] ?? null;
}

export async function startThread(user: CurrentUser, draft: DraftResource, input: NewThread) {
  const thread = await db().$transaction(async (tx) => {
    const created = await tx.commentThread.create({
      data: {
        draftId: draft.id,
        articleId: input.articleId,
        anchorStart: input.anchorStart,
        anchorEnd: input.anchorEnd,
        quote: input.quote,
        visibility: input.visibility,
        suggestionId: input.suggestionId ?? null,
        authorId: user.id,
        organizationId: authorOrganization(user, draft),
        comments: { create: { authorId: user.id, body: input.body } },
      },
      include: { comments: { select: { id: true } } },
    });
    await indexComment(tx, created.comments[0]!.id);
    await audit(tx, {
      actorId: user.id,
      action: "thread.create",
      objectType: "CommentThread",
      objectId: created.id,
      details: {
        draftId: draft.id,
        articleId: input.articleId,
        visibility: input.visibility,
        ...(input.suggestionId ? { suggestionId: input.suggestionId } : {}),
      },
    });
    await notifyMentions(tx, user, draft, created, input.body);
    return created;
  });
  publishCommentsChanged(draft.id);
  return thread;
}

export async function reply(user: CurrentUser, draft: DraftResource, threadId: string, body: string) {
  await db().$transaction(async (tx) => {
    const thread = await tx.commentThread.findUniqueOrThrow({ where: { id: threadId } });
    const comment = await tx.comment.create({ data: { threadId, authorId: user.id, body } });
    await indexComment(tx, comment.id);
    await audit(tx, {
      actorId: user.id,
      action: "comment.create",
      objectType: "Comment",
      objectId: comment.id,
      details: { threadId },
    });
    await notifyMentions(tx, user, draft, thread, body);
  });
  publishCommentsChanged(draft.id);
}

export async function editComment(userId: string, draftId: string, commentId: string, body: string) {
  await db().$transaction(async (tx) => {
    const before = await tx.comment.findUniqueOrThrow({ where: { id: commentId } });
    await tx.comment.update({ where: { id: commentId }, data: { body, editedAt: new Date() } });
    await indexComment(tx, commentId);
    await audit(tx, {
      actorId: userId,
      action: "comment.edit",
      objectType: "Comment",
      objectId: commentId,
      details: { before: before.body },
    });
  });
  publishCommentsChanged(draftId);
}

/** Deletion keeps the comment's place in the thread (a "deleted" marker), not its text. */
export async function deleteComment(userId: string, draftId: string, commentId: string) {
  await db().$transaction(async (tx) => {
    await tx.comment.update({ where: { id: commentId }, data: { deletedAt: new Date(), body: "" } });
    await indexComment(tx, commentId);
    await audit(tx, { actorId: userId, action: "comment.delete", objectType: "Comment", objectId: commentId });
  });
  publishCommentsChanged(draftId);
}

export async function setThreadStatus(userId: string, draftId: string, threadId: string, status: "OPEN" | "RESOLVED") {
  await db().$transaction(async (tx) => {
    await tx.commentThread.update({
      where: { id: threadId },
      data:
        status === "RESOLVED"
          ? { status, resolvedAt: new Date(), resolvedById: userId }
          : { status, resolvedAt: null, resolvedById: null },
    });
    await audit(tx, {
      actorId: userId,
      action: status === "RESOLVED" ? "thread.resolve" : "thread.reopen",
      objectType: "CommentThread",
      objectId: threadId,
    });
  });
  publishCommentsChanged(draftId);
}

/** "@Name" of someone who can see the thread becomes a notification for them. */
async function notifyMentions(
  tx: Tx,
  user: CurrentUser,
  draft: DraftResource,
  thread: { id: string; authorId: string; visibility: "INTERNAL" | "WORKING_GROUP" },
  body: string,
) {
  const ids = (await mentionedUserIds(tx, draft, threadResource(draft, thread), body)).filter((id) => id !== user.id);
  // Each mention is a notification in someone else's list; a flood of them rolls the comment back.
  await enforceRateLimit(tx, "mention", { account: user.id }, ids.length);
  for (const userId of ids) {
    await tx.notification.create({
      data: { userId, kind: "mention", draftId: draft.id, threadId: thread.id, actorId: user.id },
    });
  }
}
