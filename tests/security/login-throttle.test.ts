import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARGON2_OPTIONS } from "~/auth/password.server";
import { accountAddressKey, addressKey, FREE_FAILURES, MAX_DELAY_S } from "~/auth/throttle.server";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { form, startApp, type RunningApp } from "../helpers/app-server";

/**
 * Password guessing. Twenty wrong passwords for one account, then for unknown e-mails:
 * the server answers 429 with a delay that doubles (the clock is moved by rewriting the
 * throttle row, not by waiting), with the same words for known and unknown addresses; the
 * guesser is slowed, not the owner signing in from elsewhere (tests/security/account-throttle);
 * the stored hashes are argon2id with the agreed cost.
 */
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

async function attempt(email: string, address: string, password = "not the password") {
  const response = await fetch(`${app.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: app.origin,
      "X-Forwarded-For": address,
      "Accept-Language": "en",
    },
    body: form({ email, password }),
  });
  const message = (await response.text()).match(/role="alert">([^<]*)</)?.[1];
  return { status: response.status, retryAfter: Number(response.headers.get("Retry-After") ?? 0), message };
}

/** Moves a throttle key's last failure by this many seconds (negative: into the past). */
async function moveLastFailure(key: string, seconds: number) {
  const row = await db().loginThrottle.findUnique({ where: { key } });
  if (row) {
    await db().loginThrottle.update({
      where: { key },
      data: { lastFailureAt: new Date(row.lastFailureAt.getTime() + seconds * 1000) },
    });
  }
}

/** As if the key's delay had been waited out. */
const waitOut = (key: string, seconds: number) => moveLastFailure(key, -(seconds + 1));

/**
 * A loaded machine may take more than a second between one request and the next, which would
 * let a 1 s wait pass unseen and round every later one down. So after each failure that makes
 * the next attempt wait, the test moves its time forward by this much, as if it had happened just before the next attempt;
 * the server's Retry-After then includes it, and it is taken off again.
 */
const HOLD_S = 5;

async function holdClock(keys: string[]) {
  for (const key of keys) await moveLastFailure(key, HOLD_S);
}

/** A delay the server asked for is the nominal one, less at most the seconds the requests took. */
function expectAbout(delays: number[], nominal: number[]) {
  expect(delays.length).toBeGreaterThanOrEqual(nominal.length);
  nominal.forEach((seconds, i) => {
    expect(delays[i]).toBeLessThanOrEqual(seconds);
    expect(delays[i]).toBeGreaterThan(seconds - HOLD_S);
  });
}

/** Twenty wrong passwords, each tried when allowed; returns the delays the server asked for. */
async function twentyGuesses(emailFor: (i: number) => string, address: string) {
  const delays: number[] = [];
  const messages = new Set<string | undefined>();
  let failures = 0;
  while (failures < 20) {
    const email = emailFor(failures);
    const result = await attempt(email, address);
    if (result.status === 429) {
      delays.push(result.retryAfter - HOLD_S);
      // Retrying at once is refused again, and does not reset or shorten anything.
      expect((await attempt(email, address)).status).toBe(429);
      await waitOut(accountAddressKey(email, address), result.retryAfter);
      await waitOut(addressKey(address), result.retryAfter);
      continue;
    }
    expect(result.status).toBe(401);
    messages.add(result.message);
    failures++;
    // From the last free failure on, each one makes the next attempt wait.
    if (failures >= FREE_FAILURES) await holdClock([accountAddressKey(email, address), addressKey(address)]);
  }
  return { delays, messages };
}

describe("password guessing", () => {
  it("is slowed down with a doubling delay for one account, and refused with 429 in between", async () => {
    const { delays, messages } = await twentyGuesses(() => "gor@mta.example", "198.51.100.10");
    expect([...messages]).toEqual(["Wrong e-mail or password."]);
    expect(delays.length).toBeGreaterThanOrEqual(16);
    expectAbout(delays, [1, 2, 4, 8, 16, 32]);
    expectAbout(delays.slice(-1), [MAX_DELAY_S]);
    // The guessing address waits even with the right password; the owner elsewhere does not.
    expect((await attempt("gor@mta.example", "198.51.100.10", DEMO_PASSWORD)).status).toBe(429);
    expect((await attempt("gor@mta.example", "198.51.100.99", DEMO_PASSWORD)).status).toBe(302);
  }, 120_000);

  it("is slowed down the same way for unknown e-mails, from one address, with the same words", async () => {
    const { delays, messages } = await twentyGuesses((i) => `nobody-${i}@nowhere.example`, "198.51.100.20");
    expect([...messages]).toEqual(["Wrong e-mail or password."]);
    expect(delays.length).toBeGreaterThanOrEqual(16);
    expectAbout(delays, [1, 2, 4, 8, 16, 32]);
    expectAbout(delays.slice(-1), [MAX_DELAY_S]);
    // The guessing address is slowed for every account, a real one included.
    expect((await attempt("anahit@mta.example", "198.51.100.20")).status).toBe(429);
  }, 120_000);

  it("stores passwords as argon2id with the agreed cost (19 MiB, 2 passes, 1 lane)", async () => {
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const users = await db().user.findMany({ where: { passwordHash: { not: null } }, select: { passwordHash: true } });
    expect(users.length).toBeGreaterThan(5);
    for (const { passwordHash } of users) {
      const [, algorithm, version, params] = passwordHash!.split("$");
      expect(algorithm).toBe("argon2id");
      expect(version).toBe("v=19");
      expect(params).toBe("m=19456,t=2,p=1");
    }
  });
});
