import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import type { Tx } from "~/utils/db.server";
import { queueEmail, type EmailAttachment } from "~/utils/mailer.server";
import { appLink } from "~/utils/origin.server";
import { unsubscribeHeaders, unsubscribeLink } from "../follow/follower-mail.server";
import { NOTIFICATION_KINDS, type NotificationKind } from "./notification-kinds";
import { emailModeFor } from "./notification-settings.server";

export type { NotificationKind } from "./notification-kinds";

type Recipient = { id: string; email: string; locale: string | null; isActive: boolean };

type Notice = {
  kind: NotificationKind;
  /** Path inside the platform the e-mail links to; made absolute with the public origin. */
  path: string;
  /** The object's title in the reader's language (drafts have four titles, rounds one). */
  title: (locale: Locale) => string;
  /** More words for the e-mail, in the reader's language (a count, a due date, an access level). */
  vars?: (locale: Locale) => Record<string, string | number>;
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
 * The in-app notice is always written; for optional kinds the e-mail follows the person's
 * setting (at once with a one-click unsubscribe link, a line in the daily digest, or none).
 * Runs inside the caller's transaction, so a rolled-back change notifies no one.
 */
export async function notifyPeople(tx: Tx, recipients: Recipient[], notice: Notice) {
  const link = appLink(notice.path);
  const seen = new Set<string>();
  const optional = NOTIFICATION_KINDS[notice.kind].optional;
  for (const person of recipients) {
    if (!person.isActive || seen.has(person.id)) continue;
    seen.add(person.id);
    const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
    const t = serverT(locale);
    const vars = { ...notice.vars?.(locale), title: notice.title(locale), link };
    const subject = t(`email.${notice.kind}.subject`, vars);
    const { mode, unsubscribeToken } = optional
      ? await emailModeFor(tx, person.id, notice.kind)
      : { mode: "IMMEDIATE" as const, unsubscribeToken: null };
    await tx.notification.create({
      data: {
        userId: person.id,
        kind: notice.kind,
        ...notice.about,
        digestLine: mode === "DIGEST" ? `${subject}\n${link}` : null,
      },
    });
    if (mode !== "IMMEDIATE") continue;
    const body = t(`email.${notice.kind}.body`, vars);
    if (!unsubscribeToken) {
      await queueEmail(tx, { to: person.email, subject, body, attachments: notice.attachments });
      continue;
    }
    const unsubscribe = unsubscribeLink(unsubscribeToken);
    await queueEmail(tx, {
      to: person.email,
      subject,
      body: `${body}\n\n${t("email.unsubscribeKind", { unsubscribe, settings: appLink("/notifications/settings") })}`,
      headers: unsubscribeHeaders(unsubscribe),
      attachments: notice.attachments,
    });
  }
}

/** An in-app notice only, for a kind whose e-mail is written elsewhere (the proposal receipt). */
export async function recordNotice(tx: Tx, userId: string, kind: NotificationKind, about: Notice["about"]) {
  await tx.notification.create({ data: { userId, kind, ...about } });
}

/** Many in-app notices in one statement (the receipts of a batch of submissions). */
export async function recordNotices(
  tx: Tx,
  notices: { userId: string; kind: NotificationKind; about: Notice["about"] }[],
) {
  if (notices.length)
    await tx.notification.createMany({ data: notices.map(({ userId, kind, about }) => ({ userId, kind, ...about })) });
}

export const RECIPIENT_FIELDS = { id: true, email: true, locale: true, isActive: true } as const;
