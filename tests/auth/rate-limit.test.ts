import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import {
  clearRateLimits,
  enforceRateLimit,
  RATE_LIMITS,
  RateLimitedError,
  rateLimitMessage,
  takeRateLimit,
} from "~/utils/rate-limit.server";
import { createTranslate } from "~/i18n/translate";
import { DICTIONARIES } from "~/i18n/dictionaries";

/**
 * The shared limiter on the real database: a budget per account and per address, fixed
 * windows, refused attempts given back, concurrent requests unable to slip past together.
 */
const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, 0) + minutes * MINUTE);
const { max, minutes } = RATE_LIMITS.proposal.account;

beforeEach(() => clearRateLimits());

async function takeMany(n: number, subjects: { account?: string; address?: string }, now = at(0)) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await takeRateLimit(db(), "proposal", subjects, 1, now));
  return results;
}

describe("rate limiter", () => {
  it("allows the budget, then refuses with the time left in the window", async () => {
    const results = await takeMany(max, { account: "u1", address: "192.0.2.1" });
    expect(results.every((r) => r.ok)).toBe(true);
    const refused = await takeRateLimit(db(), "proposal", { account: "u1", address: "192.0.2.1" }, 1, at(3));
    expect(refused).toEqual({ ok: false, retryAfterSeconds: (minutes - 3) * 60 });
    // Another account from another address is not affected.
    expect((await takeRateLimit(db(), "proposal", { account: "u2", address: "192.0.2.2" }, 1, at(3))).ok).toBe(true);
  });

  it("opens a new window once the old one has run out", async () => {
    await takeMany(max + 1, { account: "u3" });
    expect((await takeRateLimit(db(), "proposal", { account: "u3" }, 1, at(minutes - 1))).ok).toBe(false);
    expect((await takeRateLimit(db(), "proposal", { account: "u3" }, 1, at(minutes + 1))).ok).toBe(true);
  });

  it("limits one address across many accounts", async () => {
    const perAddress = RATE_LIMITS.proposal.address.max;
    let accepted = 0;
    for (let i = 0; i < perAddress + 5; i++) {
      if ((await takeRateLimit(db(), "proposal", { account: `office-${i}`, address: "192.0.2.9" }, 1, at(0))).ok) {
        accepted++;
      }
    }
    expect(accepted).toBe(perAddress);
  });

  it("gives refused attempts back, so the office behind one address keeps its budget", async () => {
    await takeMany(max, { account: "flooder", address: "192.0.2.3" });
    // The flooder keeps trying: every try is refused and none of them counts for the address.
    for (let i = 0; i < 20; i++) await takeRateLimit(db(), "proposal", { account: "flooder", address: "192.0.2.3" });
    const row = await db().loginThrottle.findUniqueOrThrow({ where: { key: "rate:proposal:address:192.0.2.3" } });
    expect(row.failures).toBe(max);
  });

  it("lets at most the budget through when requests arrive together", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, () => takeRateLimit(db(), "proposal", { account: "burst", address: "192.0.2.4" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(max);
  });

  it("refunds refused requests of a burst on two counters without deadlocking each other", async () => {
    // Refused requests give their units back on both counters at once; on PostgreSQL two
    // refunds locking the two rows in different orders were found deadlocked under load.
    for (let burst = 0; burst < 8; burst++) {
      await clearRateLimits();
      const results = await Promise.all(
        Array.from({ length: 60 }, () => takeRateLimit(db(), "proposal", { account: "refunds", address: "192.0.2.9" })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(max);
    }
  });

  it("counts a cost of several units (mentions) and ignores a cost of none", async () => {
    const mentions = RATE_LIMITS.mention.account.max;
    expect((await takeRateLimit(db(), "mention", { account: "m" }, mentions - 1)).ok).toBe(true);
    expect((await takeRateLimit(db(), "mention", { account: "m" }, 0)).ok).toBe(true);
    expect((await takeRateLimit(db(), "mention", { account: "m" }, 2)).ok).toBe(false);
    expect((await takeRateLimit(db(), "mention", { account: "m" }, 1)).ok).toBe(true);
  });

  it("throws inside a transaction so the write rolls back", async () => {
    await takeMany(max, { account: "tx" }, new Date());
    const attempt = db().$transaction(async (tx) => {
      await tx.loginThrottle.create({ data: { key: "written-before-the-check", failures: 0, lastFailureAt: at(0) } });
      await enforceRateLimit(tx, "proposal", { account: "tx" });
    });
    await expect(attempt).rejects.toBeInstanceOf(RateLimitedError);
    expect(await db().loginThrottle.findUnique({ where: { key: "written-before-the-check" } })).toBeNull();
  });

  it("treats e-mail subjects case-insensitively", async () => {
    const perEmail = RATE_LIMITS.passwordReset.email.max;
    for (let i = 0; i < perEmail; i++) {
      expect((await takeRateLimit(db(), "passwordReset", { email: i % 2 ? "A@x.example" : "a@x.example" })).ok).toBe(
        true,
      );
    }
    expect((await takeRateLimit(db(), "passwordReset", { email: " a@X.example " })).ok).toBe(false);
  });

  it("words the refusal with the minutes left, in every language", () => {
    const key = rateLimitMessage("proposal", 7 * 60 + 5);
    expect(createTranslate(DICTIONARIES.en)(key)).toBe(
      "You have sent many proposals in a short time; try again in 8 min.",
    );
    for (const locale of ["hy", "ru", "ka"] as const) {
      const text = createTranslate(DICTIONARIES[locale])(key);
      expect(text).toContain("8");
      expect(text).not.toContain("{minutes}");
    }
  });

  it("has a refusal message for every limited action in every language", () => {
    // Password-reset requests over their limit are dropped without a word (a message would
    // tell the asker that someone asked for that e-mail recently).
    const worded = Object.keys(RATE_LIMITS).filter((action) => action !== "passwordReset");
    const missing = worded.flatMap((action) =>
      (["hy", "ru", "ka", "en"] as const)
        .filter((locale) => {
          const rateLimits = (DICTIONARIES[locale] as { rateLimits?: Record<string, unknown> }).rateLimits ?? {};
          return typeof rateLimits[action] !== "string";
        })
        .map((locale) => `${locale}: ${action}`),
    );
    expect(missing).toEqual([]);
  });
});
