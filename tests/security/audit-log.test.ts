import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { form, sessionCookieFrom, startApp, type RunningApp } from "../helpers/app-server";
import { cookieFor, createPrivateWorld, type PrivateWorld } from "./private-world";
import { routeModules } from "./route-list";

/**
 * Security table, row 15: every state change leaves exactly the expected audit rows (refused
 * attempts included), and nothing in the app can change or delete an audit row.
 */
let app: RunningApp;
let world: PrivateWorld;

beforeAll(async () => {
  app = await startApp({ ROUND_SCHEDULER_MS: "3600000" });
  world = await createPrivateWorld("AUDIT");
});
afterAll(async () => {
  await app?.stop();
});

const post = (p: string, cookie: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(app.url + p, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: form(fields),
  });

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe("the audit log", () => {
  it("gets exactly the expected rows for a sequence of changes and refusals, and none for cross-site attempts", async () => {
    const since = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const login = await post(
      "/login",
      "",
      { email: "lilit@ucfo.example", password: DEMO_PASSWORD },
      { "X-Forwarded-For": "10.250.0.1" },
    );
    const lilitCookie = sessionCookieFrom(login)!;
    const lilit = await db().user.findFirstOrThrow({ where: { email: "lilit@ucfo.example" } });
    const guestCookie = await cookieFor(world.guest.id);
    const proposal = {
      intent: "submit",
      articleId: "sec-a1",
      proposedText: "More time.",
      justification: "Small communities.",
    };
    expect((await post(`/rounds/${world.round.id}`, guestCookie, proposal)).status).toBe(302);
    // Refused: lilit's organization was not invited (404), and a cross-site post (403 before the app).
    expect((await post(`/rounds/${world.round.id}`, lilitCookie, proposal)).status).toBe(404);
    expect(
      (await post(`/rounds/${world.round.id}`, guestCookie, proposal, { Origin: "https://evil.example" })).status,
    ).toBe(403);
    expect((await post("/logout", lilitCookie, {})).status).toBe(302);

    const rows = await db().auditEvent.findMany({ where: { createdAt: { gt: since } }, orderBy: { createdAt: "asc" } });
    const submitted = await db().proposal.findFirstOrThrow({
      where: { roundId: world.round.id, proposedText: "More time." },
    });
    expect(rows.map((r) => [r.action, r.actorId, r.objectId])).toEqual([
      ["auth.login", lilit.id, lilit.id],
      ["proposal.submit", world.guest.id, submitted.id],
      ["refused.round.submit", lilit.id, world.round.id],
      ["auth.logout", lilit.id, lilit.id],
    ]);
  });

  it("cannot be changed or deleted through the app: no route, model or script updates or deletes audit rows", () => {
    const root = path.resolve(__dirname, "../..");
    const files = ["app", "server", "collab", "scripts"].flatMap((dir) => sourceFiles(path.join(root, dir)));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) =>
      /auditEvent\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
    // And no route is about the audit log at all except reading it (the draft timeline).
    const auditRoutes = routeModules().filter((r) => /audit/i.test(r.file));
    expect(auditRoutes).toEqual([]);
  });
});
