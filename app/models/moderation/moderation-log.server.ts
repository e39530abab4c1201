import { db } from "~/utils/db.server";
import type { Page } from "~/utils/pagination";

/**
 * The moderation log of the organizations a moderator works for (all of them for platform
 * admins): every hide and unhide with its reason and author, and the flags still to look at.
 */
export async function moderationLog(organizationIds: string[] | "all", page: Page) {
  const where = organizationIds === "all" ? {} : { ownerOrganizationId: { in: organizationIds } };
  const [items, total] = await Promise.all([
    db().moderationAction.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: page.skip,
      take: page.take,
      include: { actor: { select: { name: true } } },
    }),
    db().moderationAction.count({ where }),
  ]);
  return { items, total };
}

/** Every line of the log, oldest first (the CSV download). Bounded: a log is kept, not streamed. */
export function fullModerationLog(organizationIds: string[] | "all") {
  const where = organizationIds === "all" ? {} : { ownerOrganizationId: { in: organizationIds } };
  return db().moderationAction.findMany({
    where,
    orderBy: { createdAt: "asc" },
    take: 10_000,
    include: { actor: { select: { name: true } } },
  });
}

/** Flags on objects that are not hidden yet, newest first. */
export async function openFlags(organizationIds: string[] | "all") {
  const where = organizationIds === "all" ? {} : { ownerOrganizationId: { in: organizationIds } };
  const flags = await db().moderationFlag.findMany({ where, orderBy: { createdAt: "desc" }, take: 200 });
  const proposals = await db().proposal.findMany({
    where: { id: { in: flags.filter((f) => f.objectType === "Proposal").map((f) => f.objectId) }, hiddenAt: null },
    select: { id: true, roundId: true },
  });
  const comments = await db().comment.findMany({
    where: { id: { in: flags.filter((f) => f.objectType === "Comment").map((f) => f.objectId) }, hiddenAt: null },
    select: { id: true, thread: { select: { draftId: true } } },
  });
  return flags.flatMap((f) => {
    const proposal = proposals.find((p) => p.id === f.objectId);
    if (f.objectType === "Proposal" && proposal) return [{ ...f, href: `/rounds/${proposal.roundId}/answers` }];
    const comment = comments.find((c) => c.id === f.objectId);
    if (f.objectType === "Comment" && comment) return [{ ...f, href: `/drafts/${comment.thread.draftId}` }];
    return [];
  });
}
