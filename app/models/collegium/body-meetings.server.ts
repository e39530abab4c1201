import type { Locale } from "~/i18n/config";
import { draftTitle } from "~/i18n/localized-name";
import { can, type MaybeActor } from "~/policies";
import { db } from "~/utils/db.server";
import { feedTokenOf } from "./meetings.server";
import { loadBodyResource } from "./meeting-resource.server";

/**
 * The meetings section of a collegium page for this reader: upcoming and past meetings with
 * their agendas. Insiders see every meeting and the private feed's address; others see the
 * body's meetings only when the body made them public, or the ones they are invited to.
 */
export async function bodyMeetingsFor(actor: MaybeActor, bodyId: string, locale: Locale, now = new Date()) {
  const loaded = await loadBodyResource(bodyId, now);
  if (!loaded) return null;
  const insider = can(actor, "meeting.listPrivate", loaded.resource);
  const rows = await db().collegiumMeeting.findMany({
    where: {
      bodyId,
      ...(insider || loaded.body.meetingsPublic ? {} : { invitees: { some: { userId: actor?.id ?? "-" } } }),
    },
    orderBy: { startsAt: "asc" },
    take: 200,
    include: {
      agenda: { orderBy: { position: "asc" }, include: { review: { include: { draft: true } } } },
      invitees: { where: { userId: actor?.id ?? "-" }, select: { id: true } },
    },
  });
  const meetings = rows.map((meeting) => {
    const named = insider || meeting.invitees.length > 0;
    return {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      timeZone: meeting.timeZone,
      status: meeting.status,
      minutesApproved: meeting.minutesStatus === "APPROVED",
      agenda: meeting.agenda.map((item) => ({
        id: item.id,
        review: !!item.reviewId,
        label: item.review ? (named ? draftTitle(item.review.draft, locale) : null) : item.title,
      })),
    };
  });
  return {
    upcoming: meetings.filter((m) => new Date(m.startsAt) >= now),
    past: meetings.filter((m) => new Date(m.startsAt) < now).reverse(),
    canSchedule: can(actor, "meeting.schedule", loaded.resource),
    meetingsPublic: loaded.body.meetingsPublic,
    privateFeedToken: insider ? await feedTokenOf(bodyId) : null,
  };
}
