import nodemailer from "nodemailer";
import { db, type Tx } from "./db.server";
import { env } from "./env.server";

export type Email = { to: string; subject: string; body: string };

/**
 * Every e-mail is first written to the outbox in the caller's transaction, so an
 * invitation and its e-mail exist together or not at all. With SMTP_URL set,
 * `deliverOutbox` sends what is pending; without it the outbox is the delivery
 * (admins read it at /admin/outbox in development).
 */
export async function queueEmail(tx: Tx, email: Email): Promise<void> {
  await tx.outboxEmail.create({ data: email });
}

export async function deliverOutbox(): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return;
  const transport = nodemailer.createTransport(SMTP_URL);
  const pending = await db().outboxEmail.findMany({ where: { sentAt: null, error: null }, take: 50 });
  for (const email of pending) {
    try {
      await transport.sendMail({ from: MAIL_FROM, to: email.to, subject: email.subject, text: email.body });
      await db().outboxEmail.update({ where: { id: email.id }, data: { sentAt: new Date() } });
    } catch (error) {
      console.error(`mail to ${email.to} failed`, error);
      await db().outboxEmail.update({ where: { id: email.id }, data: { error: String(error) } });
    }
  }
}
