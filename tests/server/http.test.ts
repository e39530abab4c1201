import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { form, sessionCookieFrom, startApp, type RunningApp } from "../helpers/app-server";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(app.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.origin, ...headers },
    body: form(fields),
  });
}

async function signIn(email: string, address = "127.0.0.1") {
  const response = await post("/login", { email, password: DEMO_PASSWORD }, { "X-Forwarded-For": address });
  expect(response.status).toBe(302);
  return sessionCookieFrom(response)!;
}

const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
  fetch(app.url + path, { redirect: "manual", headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } });

describe("the web server", () => {
  it("serves the home page in the browser's language, Armenian by default", async () => {
    expect(await (await get("/", undefined, { "Accept-Language": "ka-GE,ka;q=0.9" })).text()).toContain('lang="ka"');
    expect(await (await get("/")).text()).toContain('lang="hy"');
  });

  it("refuses cross-site POSTs with 403 and writes nothing", async () => {
    const sessionsBefore = await db().session.count();
    const attempts = [
      post("/login", { email: "lilit@ucfo.example", password: DEMO_PASSWORD }, { Origin: "https://evil.example" }),
      fetch(app.url + "/login", {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: form({ email: "lilit@ucfo.example", password: DEMO_PASSWORD }),
      }),
      post("/login", { email: "lilit@ucfo.example", password: DEMO_PASSWORD }, { "Sec-Fetch-Site": "cross-site" }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(sessionCookieFrom(response)).toBeNull();
    }
    expect(await db().session.count()).toBe(sessionsBefore);
    const georgian = await post(
      "/login",
      { email: "lilit@ucfo.example", password: DEMO_PASSWORD },
      { Origin: "https://evil.example", "Accept-Language": "ka" },
    );
    expect(await georgian.text()).toContain("ფორმა სხვა საიტიდან გაიგზავნა");
  });

  it("signs in with an HttpOnly, SameSite=Lax session cookie, and logout kills it on the server", async () => {
    const response = await post("/login", { email: "lilit@ucfo.example", password: DEMO_PASSWORD });
    expect(response.status).toBe(302);
    const header = response.headers.getSetCookie().find((c) => c.startsWith("agora_session="))!;
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\//);
    const cookie = sessionCookieFrom(response)!;
    const home = await (await get("/", cookie)).text();
    expect(home).toContain("Համայնքների ֆինանսիստների միավորում");

    const out = await fetch(app.url + "/logout", {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: app.origin },
    });
    expect(out.status).toBe(302);
    // Replaying the old cookie no longer works.
    const replay = await get("/orgs", cookie);
    expect(replay.status).toBe(302);
    expect(replay.headers.get("Location")).toMatch(/^\/login/);
  });

  it("shows a friendly 403 page to a member who is not an admin, and hides admin pages with 404", async () => {
    const cookie = await signIn("lilit@ucfo.example");
    const forbidden = await get("/orgs/new", cookie, { "Accept-Language": "en" });
    expect(forbidden.status).toBe(403);
    const text = await forbidden.text();
    expect(text).toContain("Access denied");
    expect(text).not.toMatch(/at .*\.js:\d+/);
    expect((await get("/admin/users", cookie)).status).toBe(404);
    expect((await get("/admin/outbox", cookie)).status).toBe(404);
  });

  it("refuses an organization admin's edits to another organization", async () => {
    const cookie = await signIn("armen@ucfo.example");
    const mta = await db().organization.findUniqueOrThrow({ where: { slug: "mta" } });
    const before = await db().membership.count({ where: { organizationId: mta.id } });
    const response = await fetch(`${app.url}/orgs/${mta.id}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ intent: "invite", email: "intruder@example.test", role: "ADMIN" }),
    });
    expect(response.status).toBe(403);
    expect(await db().membership.count({ where: { organizationId: mta.id } })).toBe(before);
    expect(await db().emailToken.count({ where: { email: "intruder@example.test" } })).toBe(0);
  });

  it("lets a platform admin grant and remove the admin flag of others, audited, and nobody else", async () => {
    const admin = await signIn("admin@agora.example", "10.3.0.1");
    const orgAdmin = await signIn("armen@ucfo.example", "10.3.0.2");
    const gor = await db().user.findFirstOrThrow({ where: { email: "gor@mta.example" } });
    const change = (cookie: string, fields: Record<string, string>) => post("/admin/users", fields, { Cookie: cookie });
    expect((await change(orgAdmin, { intent: "platformAdmin", userId: gor.id, admin: "true" })).status).toBe(404);
    expect((await db().user.findUniqueOrThrow({ where: { id: gor.id } })).isPlatformAdmin).toBe(false);
    expect((await change(admin, { intent: "platformAdmin", userId: gor.id, admin: "true" })).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: gor.id } })).isPlatformAdmin).toBe(true);
    expect((await change(admin, { intent: "platformAdmin", userId: gor.id, admin: "false" })).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: gor.id } })).isPlatformAdmin).toBe(false);
    const self = await db().user.findFirstOrThrow({ where: { email: "admin@agora.example" } });
    expect((await change(admin, { intent: "platformAdmin", userId: self.id, admin: "false" })).status).toBe(404);
    expect(await db().auditEvent.count({ where: { objectId: gor.id, action: { contains: "PlatformAdmin" } } })).toBe(2);
  });

  it("returns field errors next to the field on an invalid form", async () => {
    const cookie = await signIn("admin@agora.example");
    const response = await fetch(`${app.url}/orgs/new`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookie,
        Origin: app.origin,
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept-Language": "en",
      },
      body: form({ kind: "NGO", nameHy: "", nameRu: "", nameKa: "", nameEn: "", country: "Armenia", city: "" }),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Give the name in at least one language.");
    expect(html).toContain("Use a two-letter country code");
  });

  it("answers repeated wrong passwords with 429 and the same text for unknown e-mails", async () => {
    const client = { "Accept-Language": "en", "X-Forwarded-For": "192.0.2.44" };
    const wrong = await post("/login", { email: "gor@mta.example", password: "wrong password" }, client);
    const unknown = await post("/login", { email: "nobody@mta.example", password: "wrong password" }, client);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (html: string) => html.match(/role="alert">([^<]*)</)?.[1];
    expect(message(await wrong.text())).toBe("Wrong e-mail or password.");
    expect(message(await unknown.text())).toBe("Wrong e-mail or password.");
    let last: Response | undefined;
    for (let i = 0; i < 4; i++)
      last = await post("/login", { email: "gor@mta.example", password: "wrong again" }, client);
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});
