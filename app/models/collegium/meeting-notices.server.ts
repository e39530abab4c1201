import { calendar, type CalendarEvent } from "~/collegium/icalendar";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/config";
import { draftTitle } from "~/i18n/localized-name";
import { serverT } from "~/i18n/server-t.server";
import type { Tx } from "~/utils/db.server";
import { queueEmail } from "~/utils/mailer.server";
import { appLink } from "~/utils/origin.server";
import { notifyPeople, RECIPIENT_FIELDS } from "../notifications/notify.server";

export type MeetingNoticeKind = "meeting.invited" | "meeting.changed" | "meeting.cancelled";

type AgendaLine = { reviewId: string | null; title: string; draft: Parameters<typeof draftTitle>[0] | null };

type MeetingForCalendar = {
  id: string;
  bodyId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string;
  onlineUrl: string;
  status: "SCHEDULED" | "CANCELLED";
  sequence: number;
  updatedAt: Date;
};

/** The agenda as text lines in a language; drafts under review are named only when `withDrafts`. */
export function agendaLines(agenda: AgendaLine[], locale: Locale, withDrafts: boolean): string[] {
  const t = serverT(locale);
  return agenda.map((item, index) => {
    const label = item.draft
      ? withDrafts
        ? t("meetings.agenda.review", { title: draftTitle(item.draft, locale) })
        : t("meetings.agenda.privateReview")
      : item.title;
    return `${index + 1}. ${label}`;
  });
}

/** The meeting as an iCalendar event; the UID is the meeting's id, stable across changes. */
export function meetingEvent(
  meeting: MeetingForCalendar,
  agenda: string[],
  locale: Locale,
  people?: { organizer: { name: string; email: string } | null; attendees: { name: string; email: string }[] },
): CalendarEvent {
  const t = serverT(locale);
  const zone = t("meetings.ics.zone", { zone: meeting.timeZone });
  return {
    uid: `meeting-${meeting.id}@agora`,
    sequence: meeting.sequence,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    stamp: meeting.updatedAt,
    summary: meeting.title,
    description: [zone, meeting.onlineUrl, ...agenda].filter(Boolean).join("\n"),
    location: meeting.place || meeting.onlineUrl,
    url: appLink(`/collegium/${meeting.bodyId}/meetings/${meeting.id}`),
    cancelled: meeting.status === "CANCELLED",
    organizer: people?.organizer ?? null,
    attendees: people?.attendees ?? [],
  };
}

/**
 * Tells everyone invited (members with an account in the app and by e-mail, guests by
 * e-mail), each in their language, with the meeting as an .ics file: REQUEST for an
 * invitation or change, CANCEL for a cancellation. Runs in the caller's transaction.
 */
export async function notifyInvitees(tx: Tx, meetingId: string, kind: MeetingNoticeKind, organizerId: string) {
  const meeting = await tx.collegiumMeeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: {
      invitees: true,
      agenda: { orderBy: { position: "asc" }, include: { review: { include: { draft: true } } } },
    },
  });
  const accounts = await tx.user.findMany({
    where: { id: { in: meeting.invitees.map((i) => i.userId).filter((id): id is string => !!id) } },
    select: { ...RECIPIENT_FIELDS, name: true },
  });
  const organizer = await tx.user.findUnique({ where: { id: organizerId }, select: { name: true, email: true } });
  const attendees = meeting.invitees.flatMap((invitee) => {
    const account = accounts.find((a) => a.id === invitee.userId);
    const email = account?.email ?? invitee.email;
    return email ? [{ name: account?.name ?? invitee.name, email }] : [];
  });
  const agenda = meeting.agenda.map((item) => ({
    reviewId: item.reviewId,
    title: item.title,
    draft: item.review?.draft ?? null,
  }));
  const method = kind === "meeting.cancelled" ? "CANCEL" : "REQUEST";
  const attachment = (locale: Locale) => ({
    filename: "meeting.ics",
    contentType: `text/calendar; method=${method}; charset=UTF-8`,
    content: calendar(method, [
      meetingEvent(meeting, agendaLines(agenda, locale, true), locale, { organizer, attendees }),
    ]),
  });
  const path = `/collegium/${meeting.bodyId}/meetings/${meeting.id}`;
  for (const person of accounts) {
    const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
    await notifyPeople(tx, [person], {
      kind,
      path,
      title: () => meeting.title,
      about: { meetingId: meeting.id, actorId: organizerId },
      attachments: [attachment(locale)],
    });
  }
  for (const guest of meeting.invitees.filter((i) => !i.userId && i.email)) {
    const locale = isLocale(guest.locale) ? guest.locale : DEFAULT_LOCALE;
    const t = serverT(locale);
    await queueEmail(tx, {
      to: guest.email,
      subject: t(`email.${kind}.subject`, { title: meeting.title }),
      body: t(`email.${kind}.guestBody`, { title: meeting.title }),
      attachments: [attachment(locale)],
    });
  }
}
