import { DRAFT_HEADING } from "~/i18n/localized-name";
import { db } from "~/utils/db.server";
import type { Page } from "~/utils/pagination";

export function unreadNotificationCount(userId: string) {
  return db().notification.count({ where: { userId, readAt: null } });
}

/** A person's notifications, newest first, with what they point to. */
export async function listNotifications(userId: string, page: Page) {
  const where = { userId };
  const [items, total] = await Promise.all([
    db().notification.findMany({ where, orderBy: { createdAt: "desc" }, skip: page.skip, take: page.take }),
    db().notification.count({ where }),
  ]);
  const drafts = await db().draft.findMany({
    where: { id: { in: items.map((n) => n.draftId).filter((id): id is string => !!id) } },
    select: DRAFT_HEADING,
  });
  const rounds = await db().consultationRound.findMany({
    where: { id: { in: items.map((n) => n.roundId).filter((id): id is string => !!id) } },
    select: { id: true, title: true },
  });
  const meetings = await db().collegiumMeeting.findMany({
    where: { id: { in: items.map((n) => n.meetingId).filter((id): id is string => !!id) } },
    select: { id: true, bodyId: true, title: true },
  });
  const actors = await db().user.findMany({
    where: { id: { in: items.map((n) => n.actorId).filter((id): id is string => !!id) } },
    select: { id: true, name: true },
  });
  return {
    total,
    items: items.map((n) => ({
      ...n,
      draft: drafts.find((d) => d.id === n.draftId) ?? null,
      actor: actors.find((a) => a.id === n.actorId) ?? null,
      round: rounds.find((r) => r.id === n.roundId) ?? null,
      meeting: meetings.find((m) => m.id === n.meetingId) ?? null,
    })),
  };
}

/** Only the owner's own notifications are touched, whatever ids the form names. */
export async function markAllRead(userId: string) {
  await db().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
