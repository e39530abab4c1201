import { timingSafeEqual } from "node:crypto";
import { calendar } from "~/collegium/icalendar";
import type { Locale } from "~/i18n/config";
import { organizationName } from "~/i18n/localized-name";
import { db } from "~/utils/db.server";
import { agendaLines, meetingEvent } from "./meeting-notices.server";
import type { LoadedMeeting } from "./meeting-resource.server";

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Who a feed request reads as: "insider" with the body's secret token (every meeting,
 * drafts named), "public" without it when the body's meetings are public (drafts under
 * review unnamed), or null: nothing, answered as missing.
 */
export async function feedAudience(bodyId: string, token: string | null) {
  const body = await db().collegiumBody.findUnique({ where: { id: bodyId } });
  if (!body) return null;
  if (token && body.feedToken && sameSecret(token, body.feedToken)) return { body, audience: "insider" as const };
  return body.meetingsPublic ? { body, audience: "public" as const } : null;
}

/** A body's meetings as one iCalendar feed (METHOD:PUBLISH; cancelled ones stay, marked CANCELLED). */
export async function meetingsFeed(bodyId: string, withDrafts: boolean, locale: Locale) {
  const body = await db().collegiumBody.findUniqueOrThrow({ where: { id: bodyId } });
  const meetings = await db().collegiumMeeting.findMany({
    where: { bodyId },
    orderBy: { startsAt: "desc" },
    take: 500,
    include: { agenda: { orderBy: { position: "asc" }, include: { review: { include: { draft: true } } } } },
  });
  const events = meetings.map((meeting) =>
    meetingEvent(
      // The online link is for the invited: a public feed gives the place only.
      withDrafts ? meeting : { ...meeting, onlineUrl: "" },
      agendaLines(
        meeting.agenda.map((item) => ({
          reviewId: item.reviewId,
          title: item.title,
          draft: item.review?.draft ?? null,
        })),
        locale,
        withDrafts,
      ),
      locale,
    ),
  );
  return calendar("PUBLISH", events, organizationName(body, locale));
}

/** One meeting as a calendar file for a reader who may see it. */
export function meetingCalendarFile(loaded: LoadedMeeting, insider: boolean, locale: Locale) {
  const { meeting } = loaded;
  const agenda = agendaLines(
    meeting.agenda.map((item) => ({ reviewId: item.reviewId, title: item.title, draft: item.review?.draft ?? null })),
    locale,
    insider,
  );
  return calendar("PUBLISH", [meetingEvent(insider ? meeting : { ...meeting, onlineUrl: "" }, agenda, locale)]);
}
