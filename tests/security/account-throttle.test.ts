import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountAddressKey,
  addressKey,
  currentPasswordKey,
  FREE_FAILURES,
  recordFailure,
} from "~/auth/throttle.server";
import { db } from "~/utils/db.server";
import { form, sessionCookieFrom, startApp, type RunningApp } from "../helpers/app-server";
import { createUser, TEST_PASSWORD } from "../helpers/factories";

/**
 * Lock-out resistance: the password throttle slows whoever is guessing, never the owner.
 * Someone failing on purpose against an account from their address does not stop the
 * owner signing in from theirs; a reset by e-mail clears the account's throttle; and a
 * stolen session cannot be used to guess the current password on the profile page.
 */
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

function post(path: string, fields: Record<string, string>, address: string, cookie?: string) {
  return fetch(app.url + path, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: app.origin,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": address,
      "Accept-Language": "en",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: form(fields),
  });
}
const signIn = (email: string, password: string, address: string) => post("/login", { email, password }, address);

describe("lock-out resistance", () => {
  it("an attacker's failures do not lock the owner out", async () => {
    const owner = await createUser();
    // Twenty wrong passwords from one address, as fast as the throttle lets them be tried.
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await signIn(owner.email, "guess", "203.0.113.66")).status);
    expect(statuses.slice(0, FREE_FAILURES)).toEqual(Array(FREE_FAILURES).fill(401));
    expect(statuses.at(-1)).toBe(429);
    // The attacker goes on failing (counted directly, up to a two-minute wait): with only the
    // failures above, the wait is a second or two, which a slow machine's requests can outlast.
    const attackerKeys = [accountAddressKey(owner.email, "203.0.113.66"), addressKey("203.0.113.66")];
    for (let i = 0; i < 7; i++) await recordFailure(db(), attackerKeys);
    // The attacker's address is refused even with the right password ...
    expect((await signIn(owner.email, TEST_PASSWORD, "203.0.113.66")).status).toBe(429);
    // ... while the owner, from an address that has not been failing, signs in.
    const ownerSignIn = await signIn(owner.email, TEST_PASSWORD, "198.51.100.7");
    expect(ownerSignIn.status).toBe(302);
    expect(sessionCookieFrom(ownerSignIn)).not.toBeNull();
  });

  it("attackers from many addresses do not lock the owner out either", async () => {
    const owner = await createUser();
    for (let i = 1; i <= 10; i++) {
      for (let j = 0; j < FREE_FAILURES + 1; j++) await signIn(owner.email, "guess", `203.0.113.${100 + i}`);
    }
    expect((await signIn(owner.email, TEST_PASSWORD, "198.51.100.8")).status).toBe(302);
  });

  it("a reset by e-mail clears the account's throttle, from every address", async () => {
    const owner = await createUser();
    for (const address of ["203.0.113.201", "203.0.113.202"]) {
      for (let j = 0; j < FREE_FAILURES + 1; j++) await signIn(owner.email, "forgotten", address);
      expect((await signIn(owner.email, TEST_PASSWORD, address)).status).toBe(429);
    }
    expect(
      await db().loginThrottle.count({ where: { key: { startsWith: `${accountAddressKey(owner.email, "")}` } } }),
    ).toBe(2);
    const { requestPasswordReset } = await import("~/models/accounts/email-tokens.server");
    const token = await requestPasswordReset(owner.email, "http://agora.test", (link) => ({
      subject: "s",
      body: link,
    }));
    const reset = await post(
      `/reset-password/${token}`,
      { password: "a fresh passphrase", confirm: "a fresh passphrase" },
      "198.51.100.9",
    );
    expect(reset.status).toBe(302);
    expect(
      await db().loginThrottle.count({ where: { key: { startsWith: `${accountAddressKey(owner.email, "")}` } } }),
    ).toBe(0);
  });
});

describe("current password on the profile page", () => {
  async function session(email: string, address: string) {
    const cookie = sessionCookieFrom(await signIn(email, TEST_PASSWORD, address));
    if (!cookie) throw new Error("sign-in failed");
    return cookie;
  }
  const change = (current: string, cookie: string, address: string) =>
    post(
      "/profile",
      { intent: "password", current, password: "a guessed new passphrase", confirm: "a guessed new passphrase" },
      address,
      cookie,
    );

  it("is throttled like a sign-in: wrong guesses slow down, and even the right one waits", async () => {
    const user = await createUser();
    const cookie = await session(user.email, "198.51.100.30");
    const before = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect((await change("wrong guess", cookie, `203.0.113.${30 + i}`)).status).toBe(400);
    }
    const throttled = await change("wrong guess", cookie, "203.0.113.40");
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await throttled.text()).toMatch(
      /class="field-error"[^>]*role="alert">Too many wrong passwords\. Try again in \d+ s\./,
    );
    // While the delay runs, not even the right password goes through.
    expect((await change(TEST_PASSWORD, cookie, "203.0.113.41")).status).toBe(429);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);

    // Once it has passed (moved in the table, not waited for), the right password works.
    await db().loginThrottle.update({
      where: { key: currentPasswordKey(user.id) },
      data: { lastFailureAt: new Date(Date.now() - 3_600_000) },
    });
    expect((await change(TEST_PASSWORD, cookie, "203.0.113.42")).status).toBe(200);
    expect(await db().loginThrottle.findUnique({ where: { key: currentPasswordKey(user.id) } })).toBeNull();
  });
});
