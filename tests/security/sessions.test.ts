import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "~/auth/tokens.server";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { form, sessionCookieFrom, startApp, type RunningApp } from "../helpers/app-server";
import { createUser } from "../helpers/factories";
import { cookieFor } from "./private-world";

/**
 * Security table, row 2: a session is worth something only while its row says so. Replayed after
 * logout, forged, idle past its timeout, or of a deactivated user, the cookie leads to the
 * login page; the database keeps only SHA-256 hashes of the tokens.
 */
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const get = (path: string, cookie: string) =>
  fetch(app.url + path, { redirect: "manual", headers: { Cookie: cookie } });

async function expectLoginPage(cookie: string, what: string) {
  for (const path of ["/drafts", "/profile", "/notifications"]) {
    const response = await get(path, cookie);
    expect(response.status, `${what}: GET ${path}`).toBe(302);
    expect(response.headers.get("Location"), `${what}: GET ${path}`).toMatch(/^\/login\?redirectTo=/);
  }
}

async function expectSignedIn(cookie: string, what: string) {
  expect((await get("/profile", cookie)).status, what).toBe(200);
}

async function signIn(email: string, address: string) {
  const response = await fetch(`${app.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.origin, "X-Forwarded-For": address },
    body: form({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(302);
  return sessionCookieFrom(response)!;
}

describe("sessions", () => {
  it("are dead on the server after logout: the old cookie replayed leads to the login page", async () => {
    const cookie = await signIn("lilit@ucfo.example", "10.200.0.1");
    await expectSignedIn(cookie, "before logout");
    const out = await fetch(`${app.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: app.origin },
    });
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().join()).toMatch(/agora_session=;.*Max-Age=0/);
    await expectLoginPage(cookie, "replayed after logout");
  });

  it("refuse a valid-looking token that was never issued, and a tampered one", async () => {
    const cookie = await signIn("karen@aca.example", "10.200.0.2");
    const token = cookie.split("=")[1]!;
    await expectSignedIn(cookie, "the real token");
    // Same alphabet and length, made up (what a wrong signing secret or a guess gives).
    await expectLoginPage(`agora_session=${"a".repeat(token.length)}`, "a made-up token");
    const flipped = token.slice(0, -1) + (token.endsWith("a") ? "b" : "a");
    await expectLoginPage(`agora_session=${flipped}`, "one character changed");
    // The stored hash itself does not work as a cookie either.
    await expectLoginPage(`agora_session=${hashToken(token)}`, "the stored hash used as the token");
    await expectLoginPage(`agora_session=${token}x`, "the real token with a suffix");
  });

  it("expire after the idle timeout: an expired row is refused and removed", async () => {
    const user = await createUser();
    const cookie = await cookieFor(user.id);
    await expectSignedIn(cookie, "fresh session");
    const id = hashToken(cookie.split("=")[1]!);
    await db().session.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date(0) },
    });
    await expectLoginPage(cookie, "idle past its timeout");
    expect(await db().session.findUnique({ where: { id } })).toBeNull();
  });

  it("of a deactivated user stop working at once, whether deactivated in the database or by an admin", async () => {
    const quietly = await createUser();
    const quietCookie = await cookieFor(quietly.id);
    await expectSignedIn(quietCookie, "active user");
    await db().user.update({ where: { id: quietly.id }, data: { isActive: false } });
    await expectLoginPage(quietCookie, "user deactivated in the database");

    const target = await createUser();
    const targetCookie = await cookieFor(target.id);
    await expectSignedIn(targetCookie, "active user");
    const admin = await signIn("admin@agora.example", "10.200.0.3");
    const change = await fetch(`${app.url}/admin/users`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: admin, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ intent: "activation", userId: target.id, active: "false" }),
    });
    expect(change.status).toBe(200);
    await expectLoginPage(targetCookie, "user deactivated by an admin");
    expect(await db().session.count({ where: { userId: target.id } })).toBe(0);
  });

  it("are stored as token hashes only: no cookie value appears anywhere in the session table", async () => {
    const tokens = [
      (await signIn("tigran@uca.example", "10.200.0.4")).split("=")[1]!,
      (await signIn("nino@zugdidi.example", "10.200.0.5")).split("=")[1]!,
    ];
    const rows = await db().session.findMany();
    const dump = JSON.stringify(rows);
    for (const token of tokens) {
      expect(token).toMatch(/^[a-z2-7]{32}$/);
      expect(dump).not.toContain(token);
      expect(rows.some((row) => row.id === hashToken(token))).toBe(true);
    }
    for (const row of rows) expect(row.id).toMatch(/^[0-9a-f]{64}$/);
  });
});
