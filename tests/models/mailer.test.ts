import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { deliverOutbox, MAX_ATTEMPTS, queueEmail, type Email, type MailSender } from "~/utils/mailer.server";

/** A mail server that refuses the first `failures` messages, then records what it receives. */
function flakySmtp(failures: number) {
  const delivered: (Email & { from: string })[] = [];
  let refused = 0;
  const sender: MailSender = {
    send: async (email) => {
      if (refused < failures) {
        refused++;
        throw new Error("421 Service not available");
      }
      delivered.push(email);
    },
  };
  return { sender, delivered };
}

const MINUTE = 60_000;

describe("the outbox", () => {
  it("retries a failed message later with growing waits, and sends it once", async () => {
    const to = `retry-${Date.now()}@ucfo.example`;
    await db().$transaction((tx) => queueEmail(tx, { to, subject: "Consultation opened", body: "…" }));
    const smtp = flakySmtp(2);
    const t0 = new Date("2026-06-01T10:00:00Z");
    expect(await deliverOutbox(smtp.sender, t0)).toBe(0);
    // Too early for the next try: nothing happens.
    expect(await deliverOutbox(smtp.sender, new Date(t0.getTime() + 30_000))).toBe(0);
    expect(await deliverOutbox(smtp.sender, new Date(t0.getTime() + MINUTE))).toBe(0);
    // Second failure waits 2 minutes.
    expect(await deliverOutbox(smtp.sender, new Date(t0.getTime() + 2 * MINUTE))).toBe(0);
    expect(await deliverOutbox(smtp.sender, new Date(t0.getTime() + 3 * MINUTE))).toBe(1);
    expect(smtp.delivered.map((e) => e.to)).toEqual([to]);
    const row = await db().outboxEmail.findFirstOrThrow({ where: { to } });
    expect(row.sentAt).not.toBeNull();
    expect(row.attempts).toBe(3);
    expect(await deliverOutbox(smtp.sender, new Date(t0.getTime() + 60 * MINUTE))).toBe(0);
  });

  it("gives up after the last attempt and keeps the error for the admins", async () => {
    const to = `never-${Date.now()}@ucfo.example`;
    await db().$transaction((tx) => queueEmail(tx, { to, subject: "x", body: "y" }));
    const smtp = flakySmtp(1000);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await deliverOutbox(smtp.sender, new Date(Date.UTC(2026, 5, 2 + i)));
    const row = await db().outboxEmail.findFirstOrThrow({ where: { to } });
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.error).toContain("421");
    expect(row.sentAt).toBeNull();
  });

  it("sends each message once when several processes deliver at the same moment", async () => {
    const to = `once-${Date.now()}@ucfo.example`;
    await db().$transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await queueEmail(tx, { to, subject: `n${i}`, body: "…" });
    });
    const smtp = flakySmtp(0);
    const at = new Date("2026-07-01T00:00:00Z");
    await Promise.all([deliverOutbox(smtp.sender, at), deliverOutbox(smtp.sender, at), deliverOutbox(smtp.sender, at)]);
    expect(
      smtp.delivered
        .filter((e) => e.to === to)
        .map((e) => e.subject)
        .sort(),
    ).toEqual(["n0", "n1", "n2", "n3", "n4"]);
  });

  it("hands a queued attachment (a meeting's .ics) to the mail server as it was written", async () => {
    const to = `ics-${Date.now()}@ucfo.example`;
    const file = {
      filename: "meeting.ics",
      contentType: "text/calendar; method=REQUEST; charset=UTF-8",
      content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    };
    await db().$transaction((tx) => queueEmail(tx, { to, subject: "Meeting", body: "…", attachments: [file] }));
    const smtp = flakySmtp(0);
    await deliverOutbox(smtp.sender, new Date("2026-08-01T00:00:00Z"));
    expect(smtp.delivered.find((e) => e.to === to)?.attachments).toEqual([file]);
  });
});
