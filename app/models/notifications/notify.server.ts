import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import type { Tx } from "~/utils/db.server";
import { queueEmail, type EmailAttachment } from "~/utils/mailer.server";
import { appLink } from "~/utils/origin.server";

export type NotificationKind =
  | "round.opened"
  | "round.closing"
  | "proposal.answered"
  | "review.sent"
  | "review.due"
  | "meeting.invited"
  | "meeting.changed"
  | "meeting.cancelled";

type Recipient = { id: string; email: string; locale: string | null; isActive: boolean };

type Notice = {
  kind: NotificationKind;
  /** Path inside the platform the e-mail links to; made absolute with the public origin. */
  path: string;
  /** The object's title in the reader's language (drafts have four titles, rounds one). */
  title: (locale: Locale) => string;
  /** What the in-app notification points to. */
  about: {
    draftId?: string;
    roundId?: string;
    proposalId?: string;
    reviewId?: string;
    meetingId?: string;
    actorId?: string;
  };
  /** Files sent with every e-mail of this notice (a meeting's .ics). */
  attachments?: EmailAttachment[];
};

/**
 * Tells people about something in the app and by e-mail, each in their own language
 * (`email.<kind>.subject` / `.body`), once per person and never to deactivated accounts.
 * Runs inside the caller's transaction, so a rolled-back change notifies no one.
 */
export async function notifyPeople(tx: Tx, recipients: Recipient[], notice: Notice) {
  const link = appLink(notice.path);
  const seen = new Set<string>();
  for (const person of recipients) {
    if (!person.isActive || seen.has(person.id)) continue;
    seen.add(person.id);
    await tx.notification.create({ data: { userId: person.id, kind: notice.kind, ...notice.about } });
    const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
    const t = serverT(locale);
    const title = notice.title(locale);
    await queueEmail(tx, {
      to: person.email,
      subject: t(`email.${notice.kind}.subject`, { title }),
      body: t(`email.${notice.kind}.body`, { title, link }),
      attachments: notice.attachments,
    });
  }
}

export const RECIPIENT_FIELDS = { id: true, email: true, locale: true, isActive: true } as const;
