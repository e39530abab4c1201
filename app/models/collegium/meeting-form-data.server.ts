import { draftTitle } from "~/i18n/localized-name";
import type { Locale } from "~/i18n/config";
import { localDateTimeIn, TIME_ZONES } from "~/schemas/round";
import { db } from "~/utils/db.server";
import type { LoadedMeeting } from "./meeting-resource.server";

/** Open reviews of a body that can go on a meeting's agenda, labelled in the reader's language. */
export async function agendaChoices(bodyId: string, locale: Locale, alsoIds: string[] = []) {
  const reviews = await db().collegiumReview.findMany({
    where: { bodyId, OR: [{ status: "OPEN" }, { id: { in: alsoIds } }] },
    orderBy: { dueAt: "asc" },
    include: { draft: true, version: { select: { number: true } } },
  });
  return reviews.map((r) => ({ id: r.id, label: `${draftTitle(r.draft, locale)} (v${r.version.number})` }));
}

/** The form's starting values: tomorrow at 10:00 for two hours in the platform's first zone. */
export function newMeetingValues(now = new Date()) {
  const timeZone = TIME_ZONES[0];
  const day = localDateTimeIn(new Date(now.getTime() + 24 * 3_600_000), timeZone).slice(0, 10);
  return {
    title: "",
    startsAt: `${day}T10:00`,
    endsAt: `${day}T12:00`,
    timeZone,
    place: "",
    onlineUrl: "",
    reviewIds: [],
    freeItems: "",
    guests: "",
  };
}

/** A meeting's current values for the change form. */
export function meetingValues({ meeting }: LoadedMeeting) {
  return {
    title: meeting.title,
    startsAt: localDateTimeIn(meeting.startsAt, meeting.timeZone),
    endsAt: localDateTimeIn(meeting.endsAt, meeting.timeZone),
    timeZone: meeting.timeZone,
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
    reviewIds: meeting.agenda.map((item) => item.reviewId).filter((id): id is string => !!id),
    freeItems: meeting.agenda
      .filter((item) => !item.reviewId)
      .map((item) => item.title)
      .join("\n"),
    guests: meeting.invitees
      .filter((i) => !i.membershipId)
      .map((i) => `${i.name} <${i.email}>`)
      .join("\n"),
  };
}
