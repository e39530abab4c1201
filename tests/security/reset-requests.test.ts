import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acceptPasswordResetRequest, sendPasswordReset } from "~/models/accounts/password-reset-requests.server";
import { db } from "~/utils/db.server";
import { clearRateLimits, RATE_LIMITS } from "~/utils/rate-limit.server";
import { form, startApp, type RunningApp } from "../helpers/app-server";
import { databaseWork } from "../helpers/database-work";
import { createUser } from "../helpers/factories";

/**
 * The forgot-password form tells no one whether an e-mail has an account: not by its
 * answer, not by the work it does before answering (so not by its time either), and not
 * by refusing when someone floods one inbox or asks from one address for many e-mails.
 * The work is compared operation by operation on the real database, not by a clock.
 */
type Later = (work: () => Promise<void>) => void;

beforeEach(() => clearRateLimits());

describe("asking for a reset link", () => {
  it("does the same database work for a known and an unknown e-mail before answering", async () => {
    const user = await createUser();
    const later: (() => Promise<void>)[] = [];
    const collect: Later = (work) => later.push(work);
    const request = (email: string, address: string) =>
      acceptPasswordResetRequest({ email, clientAddress: address, locale: "en" }, collect);

    const known = await databaseWork(() => request(user.email, "192.0.2.1"));
    const unknown = await databaseWork(() => request("nobody@nowhere.example", "192.0.2.2"));
    expect(known.length).toBeGreaterThan(0);
    expect(unknown).toEqual(known);
    // Nothing about accounts or links is even read while the person waits.
    expect(known.filter((op) => /^(User|EmailToken|OutboxEmail|AuditEvent)\./.test(op))).toEqual([]);
    expect(later).toHaveLength(2);

    // Afterwards, only the known e-mail gets a link.
    for (const work of later) await work();
    expect(await db().outboxEmail.count({ where: { to: user.email } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { to: "nobody@nowhere.example" } })).toBe(0);
  });

  it("sends at most a few links to one inbox, and drops the rest without a word", async () => {
    const user = await createUser();
    const later: (() => Promise<void>)[] = [];
    for (let i = 0; i < 8; i++) {
      await acceptPasswordResetRequest({ email: user.email, clientAddress: `198.51.100.${i}`, locale: "en" }, (work) =>
        later.push(work),
      );
    }
    expect(later).toHaveLength(RATE_LIMITS.passwordReset.email.max);
    for (const work of later) await work();
    expect(await db().outboxEmail.count({ where: { to: user.email } })).toBe(RATE_LIMITS.passwordReset.email.max);
  });

  it("takes only a few e-mails from one address", async () => {
    const later: (() => Promise<void>)[] = [];
    for (let i = 0; i < RATE_LIMITS.passwordReset.address.max + 5; i++) {
      await acceptPasswordResetRequest(
        { email: `someone-${i}@nowhere.example`, clientAddress: "203.0.113.7", locale: "en" },
        (work) => later.push(work),
      );
    }
    expect(later).toHaveLength(RATE_LIMITS.passwordReset.address.max);
  });

  it("writes the link in the language of the person asking", async () => {
    const user = await createUser();
    await sendPasswordReset(user.email, "ru");
    const mail = await db().outboxEmail.findFirstOrThrow({ where: { to: user.email } });
    expect(mail.body).toMatch(/[а-я]/);
  });
});

describe("the forgot-password page", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  const ask = async (email: string, address: string) => {
    const response = await fetch(`${app.url}/forgot-password`, {
      method: "POST",
      headers: {
        Origin: app.origin,
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": address,
        "Accept-Language": "en",
      },
      body: form({ email }),
    });
    const status = (await response.text()).match(/role="status">([^<]*)</)?.[1];
    return { code: response.status, status };
  };

  it("answers the same for a known e-mail, an unknown one, and one asked for too often", async () => {
    const known = await ask("gor@mta.example", "192.0.2.10");
    expect(known).toEqual({ code: 200, status: expect.any(String) });
    expect(await ask("nobody@nowhere.example", "192.0.2.11")).toEqual(known);
    for (let i = 0; i < RATE_LIMITS.passwordReset.email.max + 2; i++) {
      expect(await ask("anahit@mta.example", `192.0.2.${20 + i}`)).toEqual(known);
    }
  });
});
