import nodemailer from "nodemailer";
import { db, type Tx } from "./db.server";
import { env } from "./env.server";

export type Email = {
  to: string;
  subject: string;
  body: string;
  /** Extra headers (List-Unsubscribe and List-Unsubscribe-Post on subscription e-mails). */
  headers?: Record<string, string>;
  /** Files sent along (a meeting's iCalendar invitation). */
  attachments?: EmailAttachment[];
};

export type EmailAttachment = { filename: string; contentType: string; content: string };

/** Whatever actually delivers mail: SMTP here; a test or another provider may pass its own. */
export type MailSender = { send(email: Email & { from: string }): Promise<void> };

export const MAX_ATTEMPTS = 6;
/** 1 min, 2, 4, 8, 16 min between attempts; also the lease while one process is sending. */
const backoffMs = (attempt: number) => 60_000 * 2 ** (attempt - 1);

/**
 * Every e-mail is first written to the outbox in the caller's transaction, so an
 * invitation and its e-mail exist together or not at all. With SMTP_URL set,
 * `deliverOutbox` sends what is pending (right after the request that queued it, and on
 * every background tick); without it the outbox is the delivery (admins read it at
 * /admin/outbox in development).
 */
export async function queueEmail(tx: Tx, email: Email): Promise<void> {
  await tx.outboxEmail.create({ data: outboxRow(email) });
}

/** Many e-mails in one statement (the receipts of a batch of submissions), same rows. */
export async function queueEmails(tx: Tx, emails: Email[]): Promise<void> {
  if (emails.length) await tx.outboxEmail.createMany({ data: emails.map(outboxRow) });
}

function outboxRow(email: Email) {
  const { headers, attachments, ...rest } = email;
  return { ...rest, ...(headers ? { headers } : {}), ...(attachments?.length ? { attachments } : {}) };
}

export function smtpSender(smtpUrl: string): MailSender {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (email) => {
      await transport.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.body,
        headers: email.headers,
        attachments: email.attachments,
      });
    },
  };
}

function configuredSender(): MailSender | null {
  const { SMTP_URL } = env();
  return SMTP_URL ? smtpSender(SMTP_URL) : null;
}

/**
 * Sends pending e-mail. Each message is claimed by a conditional update on its attempt
 * count, which also sets a lease (`nextAttemptAt`), so several processes never send one
 * twice; a failure keeps the error and waits longer before the next try, up to
 * MAX_ATTEMPTS. Returns how many were sent.
 */
export async function deliverOutbox(sender = configuredSender(), now = new Date()): Promise<number> {
  if (!sender) return 0;
  const { MAIL_FROM } = env();
  const pending = await db().outboxEmail.findMany({
    where: {
      sentAt: null,
      attempts: { lt: MAX_ATTEMPTS },
      OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
    },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  let sent = 0;
  for (const email of pending) {
    const attempt = email.attempts + 1;
    const claimed = await db().outboxEmail.updateMany({
      where: { id: email.id, attempts: email.attempts, sentAt: null },
      data: { attempts: attempt, nextAttemptAt: new Date(now.getTime() + backoffMs(attempt)) },
    });
    if (claimed.count === 0) continue;
    try {
      await sender.send({
        from: MAIL_FROM,
        to: email.to,
        subject: email.subject,
        body: email.body,
        headers: storedHeaders(email.headers),
        attachments: storedAttachments(email.attachments),
      });
      await db().outboxEmail.update({ where: { id: email.id }, data: { sentAt: new Date(), error: null } });
      sent++;
    } catch (error) {
      console.warn(`mail to ${email.to} failed (attempt ${attempt} of ${MAX_ATTEMPTS})`, String(error));
      await db().outboxEmail.update({ where: { id: email.id }, data: { error: String(error) } });
    }
  }
  return sent;
}

/** Headers as stored (JSON): only string values reach the message. */
function storedHeaders(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** Attachments as stored (JSON): only well-formed entries reach the message. */
function storedAttachments(value: unknown): EmailAttachment[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const files = value.filter(
    (file): file is EmailAttachment =>
      !!file &&
      typeof file === "object" &&
      typeof (file as EmailAttachment).filename === "string" &&
      typeof (file as EmailAttachment).contentType === "string" &&
      typeof (file as EmailAttachment).content === "string",
  );
  return files.length ? files : undefined;
}
