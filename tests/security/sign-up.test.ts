import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSession } from "~/auth/session.server";
import { db } from "~/utils/db.server";
import { clearRateLimits, RATE_LIMITS } from "~/utils/rate-limit.server";
import { form, startApp, type RunningApp } from "../helpers/app-server";
import { createUser } from "../helpers/factories";

/**
 * The sign-up page, the verification link and the proposal form over real HTTP: the same
 * answer whether an e-mail has an account, a used or expired link said plainly, a flood
 * from one address slowed, and nothing proposed by an unverified or uninvited citizen.
 */
let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});
beforeEach(() => clearRateLimits());

const headers = (address: string, cookie?: string) => ({
  Origin: app.origin,
  "Content-Type": "application/x-www-form-urlencoded",
  "X-Forwarded-For": address,
  "Accept-Language": "en",
  ...(cookie ? { Cookie: cookie } : {}),
});

async function signUp(email: string, address: string) {
  const response = await fetch(`${app.url}/signup`, {
    method: "POST",
    redirect: "manual",
    headers: headers(address),
    body: form({
      name: "Tamar Beridze",
      email,
      password: "a long enough password",
      confirm: "a long enough password",
      locale: "ka",
    }),
  });
  const html = await response.text();
  return {
    code: response.status,
    status: html.match(/role="status"[^>]*>([^<]*)</)?.[1],
    cookie: response.headers.get("Set-Cookie"),
  };
}

async function signedInAs(userId: string) {
  const { token } = await createSession(db(), userId);
  return `agora_session=${token}`;
}

describe("the sign-up page", () => {
  it("answers the same for a new e-mail and one that has an account, and signs no one in", async () => {
    const known = await signUp("gor@mta.example", "192.0.2.30");
    expect(known).toEqual({ code: 200, status: expect.any(String), cookie: null });
    expect(await signUp("someone-new@example.test", "192.0.2.31")).toEqual(known);
    // The registered address is told by e-mail, after the answer.
    await expect
      .poll(() => db().outboxEmail.count({ where: { to: "gor@mta.example", body: { contains: "/forgot-password" } } }))
      .toBe(1);
  });

  it("slows one address down with 429 and Retry-After once over its limit", async () => {
    for (let i = 0; i < RATE_LIMITS.signUp.address.max; i++) {
      expect((await signUp(`burst-${i}@example.test`, "203.0.113.40")).code).toBe(200);
    }
    const response = await fetch(`${app.url}/signup`, {
      method: "POST",
      headers: headers("203.0.113.40"),
      body: form({
        name: "x",
        email: "one-more@example.test",
        password: "a long enough password",
        confirm: "a long enough password",
        locale: "en",
      }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("the verification link", () => {
  it("refuses a used link and an expired one with a message that says which", async () => {
    await signUp("verify-me@example.test", "192.0.2.50");
    let body = "";
    await expect
      .poll(async () => {
        body = (await db().outboxEmail.findFirst({ where: { to: "verify-me@example.test" } }))?.body ?? "";
        return body;
      })
      .toMatch(/verify-email/);
    const path = body.match(/\/verify-email\/[a-z0-9]+/)![0];
    const first = await fetch(app.url + path, { method: "POST", redirect: "manual", headers: headers("192.0.2.50") });
    expect(first.status).toBe(302);
    expect(first.headers.get("Set-Cookie")).toMatch(/^agora_session=/);

    const again = await fetch(app.url + path, { headers: { "Accept-Language": "en" } });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("already been used");
    const replay = await fetch(app.url + path, { method: "POST", redirect: "manual", headers: headers("192.0.2.50") });
    expect(replay.status).toBe(410);

    await signUp("too-late@example.test", "192.0.2.51");
    await expect.poll(() => db().emailToken.count({ where: { email: "too-late@example.test" } })).toBe(1);
    await db().emailToken.updateMany({
      where: { email: "too-late@example.test" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const late = (await db().outboxEmail.findFirstOrThrow({ where: { to: "too-late@example.test" } })).body;
    const expired = await fetch(app.url + late.match(/\/verify-email\/[a-z0-9]+/)![0], {
      headers: { "Accept-Language": "en" },
    });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("has expired");
  });
});

describe("proposals from citizens", () => {
  const proposal = (articleId: string) =>
    form({
      intent: "submit",
      articleId,
      proposedText: "Текст предложения",
      justification: "Обоснование",
      onBehalfOf: "",
    });

  it("asks an unverified citizen to verify first (403, nothing written), and refuses invited rounds", async () => {
    const round = await db().consultationRound.findFirstOrThrow({ where: { status: "OPEN", audience: "PUBLIC" } });
    const citizen = await createUser({ verified: false });
    const cookie = await signedInAs(citizen.id);
    const before = await db().proposal.count();
    const refused = await fetch(`${app.url}/rounds/${round.id}`, {
      method: "POST",
      redirect: "manual",
      headers: headers("192.0.2.60", cookie),
      body: proposal("mrc-a1"),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Confirm your e-mail address before sending a proposal");
    expect(await db().proposal.count()).toBe(before);

    await db().user.update({ where: { id: citizen.id }, data: { emailVerifiedAt: new Date() } });
    const accepted = await fetch(`${app.url}/rounds/${round.id}`, {
      method: "POST",
      redirect: "manual",
      headers: headers("192.0.2.60", cookie),
      body: proposal("mrc-a1"),
    });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toMatch(/\?receipt=/);

    const invited = await db().consultationRound.update({
      where: { id: round.id },
      data: { audience: "INVITED" },
    });
    const uninvited = await fetch(`${app.url}/rounds/${invited.id}`, {
      method: "POST",
      redirect: "manual",
      headers: headers("192.0.2.60", cookie),
      body: proposal("mrc-a1"),
    });
    expect([403, 404]).toContain(uninvited.status);
    expect(await db().proposal.count()).toBe(before + 1);
    await db().consultationRound.update({ where: { id: round.id }, data: { audience: "PUBLIC" } });
  });
});
