import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSession } from "~/auth/session.server";
import { db } from "~/utils/db.server";
import { clearRateLimits } from "~/utils/rate-limit.server";
import { form, startApp, type RunningApp } from "../helpers/app-server";
import { createUser, TEST_PASSWORD } from "../helpers/factories";

/** The profile's account forms over real HTTP: language, e-mail (re-verified), deletion. */
let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});
beforeEach(() => clearRateLimits());

async function post(cookie: string, fields: Record<string, string>) {
  return fetch(`${app.url}/profile`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: app.origin,
      "Content-Type": "application/x-www-form-urlencoded",
      "Accept-Language": "en",
      Cookie: cookie,
    },
    body: form(fields),
  });
}

async function signedIn() {
  const user = await createUser({ name: "Ирина Волкова" });
  const { token } = await createSession(db(), user.id);
  return { user, cookie: `agora_session=${token}` };
}

describe("the profile of a citizen", () => {
  it("changes the interface language on the account and in the cookie", async () => {
    const { user, cookie } = await signedIn();
    const response = await post(cookie, { intent: "language", locale: "ka" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/agora_locale=ka/);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("ka");
    expect((await post(cookie, { intent: "language", locale: "xx" })).status).toBe(400);
  });

  it("keeps the e-mail until the new address is verified, and says so for the same address", async () => {
    const { user, cookie } = await signedIn();
    const same = await post(cookie, { intent: "email", email: user.email });
    expect(same.status).toBe(400);
    expect(await same.text()).toContain("This is already your address.");
    const asked = await post(cookie, { intent: "email", email: "irina.new@example.test" });
    expect(asked.status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await db().outboxEmail.count({ where: { to: "irina.new@example.test" } })).toBe(1);
  });

  it("deletes the account only with the password, then the session no longer works", async () => {
    const { user, cookie } = await signedIn();
    const wrong = await post(cookie, { intent: "delete", current: "not my password" });
    expect(wrong.status).toBe(400);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toBeNull();
    const deleted = await post(cookie, { intent: "delete", current: TEST_PASSWORD });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("Set-Cookie")).toMatch(/agora_session=;/);
    const after = await fetch(`${app.url}/profile`, { redirect: "manual", headers: { Cookie: cookie } });
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/login/);
  });
});
