import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";
import { fillPattern, routeModules } from "./route-list";

/**
 * Security table, row 1: a cross-site form POST to every action (the list read from app/routes, so
 * a new route is covered) is refused with 403 before any route code runs, and writes nothing.
 * Sent as a platform admin, whose session could otherwise do the most damage.
 */
let app: RunningApp;
const { as } = demoSessions(() => app);

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const ATTACKS: Record<string, Record<string, string>> = {
  "a foreign Origin": { Origin: "https://evil.example" },
  "no Origin at all": {},
  "Sec-Fetch-Site: cross-site (with our own Origin)": { "Sec-Fetch-Site": "cross-site", Origin: "SELF" },
  "a look-alike Origin": { Origin: "http://localhost.evil.example" },
  "the string null as Origin (sandboxed iframe)": { Origin: "null" },
};

const counts = () =>
  Promise.all([
    db().auditEvent.count(),
    db().session.count(),
    db().draft.count(),
    db().organization.count(),
    db().proposal.count(),
    db().comment.count(),
    db().emailToken.count(),
    db().outboxEmail.count(),
  ]);

describe("cross-site requests", () => {
  it("are refused with 403 on every action route, for every way a forged request can look, and nothing is written", async () => {
    const cookie = await as("admin@agora.example");
    const [draft, round, review, org, body] = await Promise.all([
      db().draft.findFirstOrThrow(),
      db().consultationRound.findFirstOrThrow(),
      db().collegiumReview.findFirst(),
      db().organization.findFirstOrThrow(),
      db().collegiumBody.findFirstOrThrow(),
    ]);
    const params = {
      draftId: draft.id,
      roundId: round.id,
      reviewId: review?.id ?? "none",
      orgId: org.id,
      bodyId: body.id,
      meetingId: "none",
      textId: "none",
      versionId: "none",
      token: "none",
      kind: "proposal",
      id: "none",
    };
    const before = await counts();
    // The one exception: RFC 8058's one-click unsubscribe is POSTed by mail providers with no
    // Origin; the secret in its URL is the authority (tests/server/follow-http.test.ts).
    const actions = routeModules().filter((r) => r.hasAction && r.file !== "unsubscribe.$token.tsx");
    expect(actions.length).toBeGreaterThan(20);
    let refused = 0;
    for (const route of actions) {
      const path = fillPattern(route.pattern, params);
      // The document POST and Remix's own data request for the same action.
      for (const target of [path, `${path}.data`]) {
        for (const [name, headers] of Object.entries(ATTACKS)) {
          const response = await fetch(app.url + target, {
            method: "POST",
            redirect: "manual",
            headers: {
              ...headers,
              ...(headers.Origin === "SELF" ? { Origin: app.origin } : {}),
              Cookie: cookie,
              "Content-Type": "application/x-www-form-urlencoded",
            },
            body: new URLSearchParams({
              intent: "invite",
              email: "victim@example.test",
              name: "x",
              status: "WITHDRAWN",
            }),
          });
          expect(response.status, `POST ${target} (${route.file}) with ${name}`).toBe(403);
          expect(response.headers.getSetCookie(), `POST ${target} with ${name}`).toEqual([]);
          refused++;
        }
      }
      // Other state-changing methods are held to the same rule.
      for (const method of ["PUT", "PATCH", "DELETE"]) {
        const response = await fetch(app.url + path, { method, redirect: "manual", headers: { Cookie: cookie } });
        expect(response.status, `${method} ${path} without Origin`).toBe(403);
      }
    }
    expect(refused).toBe(actions.length * 2 * Object.keys(ATTACKS).length);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("still lets the same form through from our own origin (the check is not simply refusing everything)", async () => {
    const response = await fetch(`${app.url}/locale`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: app.origin,
        "Content-Type": "application/x-www-form-urlencoded",
        "Sec-Fetch-Site": "same-origin",
      },
      body: new URLSearchParams({ locale: "en", redirectTo: "/" }),
    });
    expect(response.status).not.toBe(403);
  });
});
