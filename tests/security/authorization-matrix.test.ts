import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { cookieFor, createPrivateWorld, urlInPrivateWorld, type PrivateWorld } from "./private-world";
import { routeModules, type RouteModule } from "./route-list";

/**
 * Security table, row 4: every loader and action of every route file, for every role, against
 * ANOTHER organization's private draft, comment, round, proposal, review and export.
 * The table below must have a row per file in app/routes: a new route without one fails.
 */

type Role = "admin" | "ministryStaff" | "ngoExpert" | "commenter" | "collegiumMember" | "signedOut";
const ROLES: Role[] = ["admin", "ministryStaff", "ngoExpert", "commenter", "collegiumMember", "signedOut"];

/**
 * allow: the policy lets them through (2xx/3xx, or 400/409 from validation for actions).
 * deny: 403 or 404, and no private data in the body.
 * login: signed out, sent to the login page.
 * hidden: a page of one's own or a list; any non-error status, but no private data in it.
 */
type Outcome = "allow" | "deny" | "login" | "hidden";
type Expectation = Record<Role, Outcome>;
type Row = {
  loader?: Expectation;
  /** The form each role posts (real intents and ids of the private world; invalid enough that even allowed roles write nothing). */
  action?: { expect: Expectation; fields: (w: PrivateWorld, role: Role) => Record<string, string> } | { skip: string };
};

const PRIVATE: Expectation = {
  admin: "allow",
  ministryStaff: "deny",
  ngoExpert: "deny",
  commenter: "deny",
  collegiumMember: "deny",
  signedOut: "login",
};
/** Lists and one's own pages: reachable, but the private world must not show. Admins see everything. */
const LIST: Expectation = {
  ...PRIVATE,
  admin: "allow",
  ministryStaff: "hidden",
  ngoExpert: "hidden",
  commenter: "hidden",
  collegiumMember: "hidden",
  signedOut: "hidden",
};
const SIGNED_IN_LIST: Expectation = { ...LIST, signedOut: "login" };
const PUBLIC_PAGE: Expectation = {
  admin: "hidden",
  ministryStaff: "hidden",
  ngoExpert: "hidden",
  commenter: "hidden",
  collegiumMember: "hidden",
  signedOut: "hidden",
};
/** Open data and the register answer as to a visitor: what is not public is not found, for anyone. */
const NOWHERE: Expectation = {
  admin: "deny",
  ministryStaff: "deny",
  ngoExpert: "deny",
  commenter: "deny",
  collegiumMember: "deny",
  signedOut: "deny",
};
const ADMIN_ONLY: Expectation = { ...PRIVATE, signedOut: "login" };
/** The directory of organizations is shared among signed-in partners (policies: organization.view). */
const DIRECTORY: Expectation = { ...SIGNED_IN_LIST };

const OWN_ACTION = (reason: string) => ({ skip: reason });

const TABLE: Record<string, Row> = {
  "$.tsx": { loader: NOWHERE, action: OWN_ACTION("every unknown path: 404 for anyone, nothing to act on") },
  "_index.tsx": { loader: LIST },
  "accessibility.tsx": {
    action: OWN_ACTION("sends a message to the platform admins; reads and changes nothing of anyone's (rate-limited)"),
  },
  "admin.accessibility-feedback.tsx": { loader: ADMIN_ONLY },
  "admin.outbox.tsx": { loader: ADMIN_ONLY },
  "admin.participation-rules.tsx": {
    loader: ADMIN_ONLY,
    action: { expect: ADMIN_ONLY, fields: () => ({ "rules.lead": "x".repeat(5000) }) },
  },
  "admin.users.tsx": {
    loader: ADMIN_ONLY,
    action: { expect: ADMIN_ONLY, fields: (w) => ({ intent: "activation", userId: w.owner.id, active: "maybe" }) },
  },
  "collegium.$bodyId.tsx": {
    // The roll is public to signed-in people (policies/collegium.ts); the reviews on it are not.
    loader: SIGNED_IN_LIST,
    action: { expect: PRIVATE, fields: (w) => ({ intent: "end", membershipId: w.seat.id, termEnd: "not a date" }) },
  },
  "api.v1.$.ts": { loader: PUBLIC_PAGE },
  "api.v1._index.ts": { loader: PUBLIC_PAGE },
  "api.v1.register.$draftId.ts": { loader: NOWHERE },
  "api.v1.register._index.ts": { loader: PUBLIC_PAGE },
  "api.v1.rounds.$roundId._index.ts": { loader: NOWHERE },
  "api.v1.rounds.$roundId.proposals.ts": { loader: NOWHERE },
  "api.v1.rounds.$roundId.version.ts": { loader: NOWHERE },
  "api.v1.rounds._index.ts": { loader: PUBLIC_PAGE },
  "collegium._index.tsx": { loader: SIGNED_IN_LIST },
  // Meetings of a private body: its ministry, members and the invited see them; only its
  // secretary schedules and keeps them (not even a platform admin).
  "collegium.$bodyId_.meetings.new.tsx": {
    loader: { ...PRIVATE, admin: "deny" },
    action: { expect: { ...PRIVATE, admin: "deny" }, fields: () => ({ intent: "save", title: "" }) },
  },
  "collegium.$bodyId_.meetings.$meetingId._index.tsx": {
    loader: PRIVATE,
    action: {
      expect: { ...PRIVATE, admin: "deny" },
      fields: (w) => ({ intent: "attendance", [`kind.${w.seat.id}`]: "NOT_A_KIND" }),
    },
  },
  "collegium.$bodyId_.meetings.$meetingId.edit.tsx": {
    loader: { ...PRIVATE, admin: "deny" },
    action: { expect: { ...PRIVATE, admin: "deny" }, fields: () => ({ intent: "save", title: "" }) },
  },
  "collegium.$bodyId_.meetings.$meetingId.invitation[.]ics.tsx": { loader: PRIVATE },
  "collegium.$bodyId_.meetings.$meetingId.minutes[.]docx.tsx": { loader: PRIVATE },
  "collegium.$bodyId_.meetings.$meetingId.minutes[.]pdf.tsx": { loader: PRIVATE },
  // The feed reads no session: a private body's feed exists only at its secret address.
  "collegium.$bodyId_.meetings[.]ics.tsx": { loader: NOWHERE },
  "collegium.$bodyId_.meetings.publicity.tsx": {
    loader: NOWHERE,
    action: { expect: { ...PRIVATE, admin: "deny" }, fields: () => ({ meetingsPublic: "maybe" }) },
  },
  "drafts.$draftId._index.tsx": {
    loader: PRIVATE,
    action: { expect: PRIVATE, fields: () => ({ status: "NOT_A_STATUS" }) },
  },
  "drafts.$draftId.comments.events.tsx": { loader: PRIVATE },
  "drafts.$draftId.comments.tsx": {
    loader: PRIVATE,
    action: { expect: PRIVATE, fields: (w) => ({ intent: "reply", threadId: w.thread.id, body: "" }) },
  },
  "drafts.$draftId.compare.tsx": { loader: PRIVATE },
  "drafts.$draftId.export[.]akn[.]xml.tsx": { loader: PRIVATE },
  "drafts.$draftId.export[.]docx.tsx": { loader: PRIVATE },
  "drafts.$draftId.export[.]pdf.tsx": { loader: PRIVATE },
  "drafts.$draftId.export[.]akn[.]zip.tsx": { loader: PRIVATE },
  "drafts.$draftId.export[.]parallel[.]docx.tsx": { loader: PRIVATE },
  "drafts.$draftId.edit.tsx": {
    loader: PRIVATE,
    action: { expect: PRIVATE, fields: () => ({ titleHy: "", titleRu: "", titleKa: "", titleEn: "", kind: "NOPE" }) },
  },
  "drafts.$draftId.language.tsx": {
    // Whoever edits the text may change its language; the private draft is in consultation,
    // so nobody edits it now, not even an admin.
    loader: { ...PRIVATE, admin: "deny" },
    action: { expect: { ...PRIVATE, admin: "deny" }, fields: () => ({ textLanguage: "xx" }) },
  },
  "drafts.$draftId.reviews.new.tsx": {
    loader: { ...PRIVATE, admin: "deny" },
    // That draft is already under review: by state, not even an admin may send it again.
    action: {
      expect: { ...PRIVATE, admin: "deny" },
      fields: (w) => ({ bodyId: w.body.id, versionId: w.version.id, dueAt: "", timeZone: "UTC" }),
    },
  },
  "drafts.$draftId.signature.tsx": {
    // Signing is for the owner's administrators, on a draft being worked on: this one is under
    // review (and a law), so not even a platform admin may record a signature now.
    loader: { ...PRIVATE, admin: "deny" },
    action: {
      expect: { ...PRIVATE, admin: "deny" },
      fields: (w) => ({ versionId: w.version.id, signedOn: "2025-02-30", place: "" }),
    },
  },
  "drafts.$draftId.rounds._index.tsx": { loader: PRIVATE },
  "drafts.$draftId.rounds.new.tsx": {
    loader: PRIVATE,
    action: {
      expect: PRIVATE,
      fields: () => ({ title: "", audience: "PUBLIC", opensAt: "", closesAt: "", timeZone: "UTC" }),
    },
  },
  "drafts.$draftId.sharing.tsx": {
    loader: PRIVATE,
    action: { expect: PRIVATE, fields: () => ({ intent: "share", level: "NOPE" }) },
  },
  "drafts.$draftId.timeline.tsx": { loader: PRIVATE },
  "drafts.$draftId.attachments._index.tsx": {
    loader: PRIVATE,
    // The private draft is in consultation: nobody, not even an admin, changes its dossier then
    // (and the form is bad input anyway: an unknown kind and no file, so nothing is written).
    action: { expect: { ...PRIVATE, admin: "deny" }, fields: () => ({ intent: "add", kind: "NOPE", title: "" }) },
  },
  "drafts.$draftId.attachments.$attachmentId.tsx": { loader: PRIVATE },
  "drafts.$draftId.texts.$textId.tsx": { loader: PRIVATE },
  "drafts.$draftId.parallel.$textId.tsx": {
    loader: PRIVATE,
    // Confirming alignment is editing the text: nobody while the private draft is in consultation.
    action: { expect: { ...PRIVATE, admin: "deny" }, fields: () => ({ intent: "confirmAlignment", articleId: "" }) },
  },
  "drafts.$draftId.parallel._index.tsx": { loader: PRIVATE },
  "drafts.$draftId.word-import.tsx": {
    // Importing Word's tracked changes writes suggestions into the live text: nobody, not even
    // an admin, while the private draft is in consultation (and a form without a file writes
    // nothing anyway). The page itself is refused alike: there is nothing one could do on it.
    loader: { ...PRIVATE, admin: "deny" },
    action: { expect: { ...PRIVATE, admin: "deny" }, fields: () => ({}) },
  },
  "drafts.$draftId.texts._index.tsx": {
    loader: PRIVATE,
    // Adding a text in another language is editing the text: nobody, not even an admin, while
    // the private draft is in consultation (and an unknown language writes nothing anyway).
    action: {
      expect: { ...PRIVATE, admin: "deny" },
      fields: () => ({ intent: "addLanguageText", textLanguage: "xx", mode: "copy" }),
    },
  },
  "drafts.$draftId.versions.$versionId.attachments.$attachmentId.tsx": { loader: PRIVATE },
  "drafts.$draftId.versions.$versionId.package[.]zip.tsx": { loader: PRIVATE },
  "drafts.$draftId.versions.$versionId._index.tsx": { loader: PRIVATE },
  "drafts.$draftId.versions.$versionId.text.tsx": { loader: PRIVATE },
  "drafts.$draftId.versions.$versionId.export[.]akn[.]xml.tsx": { loader: PRIVATE },
  "drafts.$draftId.versions.$versionId.export[.]docx.tsx": { loader: PRIVATE },
  "drafts.$draftId.versions.$versionId.export[.]pdf.tsx": { loader: PRIVATE },
  "drafts.$draftId.versions.$versionId.export[.]parallel[.]docx.tsx": { loader: PRIVATE },
  "drafts.$draftId.versions.$versionId.export[.]akn[.]zip.tsx": { loader: PRIVATE },
  "drafts.$draftId.versions._index.tsx": {
    loader: PRIVATE,
    action: { expect: PRIVATE, fields: () => ({ name: "" }) },
  },
  "drafts._index.tsx": { loader: SIGNED_IN_LIST },
  "drafts.new.tsx": {
    loader: { ...SIGNED_IN_LIST, ngoExpert: "deny", commenter: "deny", collegiumMember: "deny" },
    // Ministry staff may start drafts, but only for their own ministry: a forged owner is refused.
    action: {
      expect: { ...PRIVATE, ministryStaff: "deny" },
      // A valid form for everyone but the admin (who may create drafts anywhere, and would).
      fields: (w, role) => ({
        titleEn: role === "admin" ? "" : "Forged owner",
        kind: "LAW",
        textLanguage: "hy",
        ownerOrganizationId: w.ministry.id,
        initialContent: "empty",
      }),
    },
  },
  "feeds.register[.]atom.tsx": { loader: PUBLIC_PAGE },
  "feeds.rounds[.]atom.tsx": { loader: PUBLIC_PAGE },
  "follow._index.tsx": {
    loader: PUBLIC_PAGE,
    action: OWN_ACTION("follows public rounds for the caller's own address; covered by tests/server/follow-http"),
  },
  "follow.confirm.$token.tsx": { loader: PUBLIC_PAGE },
  "forgot-password.tsx": {
    action: OWN_ACTION("asks for a reset link for an e-mail; answers the same for any address"),
  },
  "invitations.tsx": {
    loader: SIGNED_IN_LIST,
    action: OWN_ACTION("answers only invitations addressed to the caller's own e-mail"),
  },
  "invite.$token.tsx": { loader: PUBLIC_PAGE, action: OWN_ACTION("acts on the invitation token in the URL only") },
  "locale.tsx": { loader: PUBLIC_PAGE, action: OWN_ACTION("sets the visitor's own language cookie") },
  "login.tsx": { loader: PUBLIC_PAGE, action: OWN_ACTION("signs in; covered by tests/security/login-throttle") },
  "logout.tsx": { loader: PUBLIC_PAGE, action: OWN_ACTION("ends the caller's own session; covered by sessions test") },
  "moderation.$kind.$id.tsx": {
    // Hiding another organization's proposal: not found for whoever cannot see its round;
    // the admin passes the policy and meets the validation (no such reason).
    action: {
      expect: { ...PRIVATE, signedOut: "deny" },
      fields: () => ({ intent: "hide", reason: "NOPE" }),
    },
  },
  // A moderator's own organizations only: the private world's ministry stays out of other staff's log.
  "moderation._index.tsx": { loader: { ...PRIVATE, ministryStaff: "hidden" } },
  "moderation[.]csv.tsx": { loader: { ...PRIVATE, ministryStaff: "hidden" } },
  "notifications.tsx": { loader: SIGNED_IN_LIST, action: OWN_ACTION("marks the caller's own notifications read") },
  "notifications.settings.tsx": {
    loader: SIGNED_IN_LIST,
    action: OWN_ACTION("saves the caller's own e-mail choices; covered by tests/server/queue-http"),
  },
  "orgs.$orgId._index.tsx": {
    loader: DIRECTORY,
    action: {
      expect: { ...PRIVATE },
      fields: () => ({ intent: "invite", email: "not-an-email", role: "ADMIN" }),
    },
  },
  "orgs.$orgId.edit.tsx": {
    loader: { ...PRIVATE },
    action: { expect: PRIVATE, fields: () => ({ kind: "NOPE", country: "" }) },
  },
  "orgs._index.tsx": { loader: DIRECTORY },
  "orgs.new.tsx": {
    loader: { ...PRIVATE, admin: "allow" },
    action: { expect: PRIVATE, fields: () => ({ kind: "NOPE" }) },
  },
  "my-proposals.tsx": { loader: SIGNED_IN_LIST },
  "participation-rules.tsx": { loader: PUBLIC_PAGE },
  "profile.tsx": {
    loader: SIGNED_IN_LIST,
    action: OWN_ACTION("changes the caller's own account; covered by tests/security/citizen-profile"),
  },
  "register.$draftId.tsx": { loader: NOWHERE },
  "register.$draftId.final[.]akn[.]xml.tsx": { loader: NOWHERE },
  "register.$draftId.final[.]docx.tsx": { loader: NOWHERE },
  "register.$draftId.final[.]pdf.tsx": { loader: NOWHERE },
  "register.$draftId.final[.]akn[.]zip.tsx": { loader: NOWHERE },
  "register.$draftId.final[.]parallel[.]docx.tsx": { loader: NOWHERE },
  "register.$draftId.attachments.$attachmentId.tsx": { loader: NOWHERE },
  "register.$draftId.package[.]zip.tsx": { loader: NOWHERE },
  "register._index.tsx": { loader: PUBLIC_PAGE },
  "signup.tsx": { loader: PUBLIC_PAGE, action: OWN_ACTION("creates an account; covered by tests/security/sign-up") },
  "verify-email.$token.tsx": {
    loader: PUBLIC_PAGE,
    action: OWN_ACTION("acts on the verification token in the URL only"),
  },
  "reset-password.$token.tsx": { loader: PUBLIC_PAGE, action: OWN_ACTION("acts on the reset token in the URL only") },
  "reviews.$reviewId._index.tsx": {
    loader: PRIVATE,
    // Only the members in office when it was sent decide: not even a platform admin.
    action: { expect: { ...PRIVATE, admin: "deny" }, fields: () => ({ intent: "decide", decision: "NOT_A_DECISION" }) },
  },
  "reviews.$reviewId.record[.]docx.tsx": { loader: PRIVATE },
  "reviews.$reviewId.record[.]pdf.tsx": { loader: PRIVATE },
  "reviews.$reviewId.attachments.$attachmentId.tsx": { loader: PRIVATE },
  "reviews.$reviewId.package[.]zip.tsx": { loader: PRIVATE },
  "reviews._index.tsx": { loader: SIGNED_IN_LIST },
  "rounds.$roundId._index.tsx": {
    loader: PRIVATE,
    // Proposals come from the invited organizations only: not from a platform admin either.
    action: {
      expect: { ...PRIVATE, admin: "deny" },
      fields: () => ({ intent: "submit", articleId: "sec-a1", proposedText: "" }),
    },
  },
  "rounds.$roundId.answers.tsx": {
    loader: PRIVATE,
    // The round is still open: answers come after it closes, by anyone.
    action: {
      expect: { ...PRIVATE, admin: "deny" },
      fields: (w) => ({ intent: "answer", proposalId: w.proposal.id, decision: "NOPE" }),
    },
  },
  "rounds.$roundId.summary.tsx": { loader: PRIVATE },
  "rounds.$roundId.summary[.]csv.tsx": { loader: PRIVATE },
  "rounds.$roundId.summary[.]docx.tsx": { loader: PRIVATE },
  "rounds.$roundId.summary[.]pdf.tsx": { loader: PRIVATE },
  "rounds.$roundId.text.tsx": { loader: PRIVATE },
  "rounds.$roundId.attachments.$attachmentId.tsx": { loader: PRIVATE },
  "rounds.$roundId.package[.]zip.tsx": { loader: PRIVATE },
  "rounds._index.tsx": { loader: LIST },
  "search.tsx": { loader: LIST },
  "unsubscribe.$token.tsx": {
    loader: PUBLIC_PAGE,
    action: OWN_ACTION("acts on the unsubscribe token in the URL only"),
  },
};

const MARKER = `SECRET${Date.now().toString(36).toUpperCase()}`;
let app: RunningApp;
let world: PrivateWorld;
const cookies = new Map<Role, string>();

beforeAll(async () => {
  app = await startApp();
  world = await createPrivateWorld(MARKER);
  const emails: Partial<Record<Role, string>> = {
    admin: "admin@agora.example",
    ministryStaff: "anahit@mta.example",
    ngoExpert: "lilit@ucfo.example",
    collegiumMember: "armen@ucfo.example",
  };
  for (const role of ROLES) {
    if (role === "signedOut") continue;
    const id =
      role === "commenter"
        ? world.commenter.id
        : (await db().user.findFirstOrThrow({ where: { email: emails[role] } })).id;
    cookies.set(role, await cookieFor(id));
  }
});
afterAll(async () => {
  await app?.stop();
});

function urlOf(route: RouteModule): string {
  return urlInPrivateWorld(route, world);
}

function request(path: string, role: Role, fields?: Record<string, string>) {
  const cookie = cookies.get(role);
  return fetch(app.url + path, {
    method: fields ? "POST" : "GET",
    redirect: "manual",
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(fields ? { Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" } : {}),
      "Accept-Language": "en",
    },
    body: fields ? new URLSearchParams(fields) : undefined,
  });
}

async function check(what: string, response: Response, outcome: Outcome, isAction: boolean) {
  const status = response.status;
  // An allowed event stream never ends: only its status matters here.
  if (outcome === "allow" && response.headers.get("Content-Type")?.startsWith("text/event-stream")) {
    await response.body?.cancel();
    expect(status, what).toBe(200);
    return;
  }
  const body = await response.text();
  const where = `${what}: got ${status}`;
  if (outcome === "deny") {
    expect([403, 404], where).toContain(status);
    expect(body.includes(MARKER), `${where}, body shows private data`).toBe(false);
  } else if (outcome === "login") {
    expect(status, where).toBe(302);
    expect(response.headers.get("Location"), where).toMatch(/^\/login/);
    expect(body.includes(MARKER), `${where}, body shows private data`).toBe(false);
  } else if (outcome === "hidden") {
    expect(status, where).toBeLessThan(500);
    expect(body.includes(MARKER), `${where}, body shows private data`).toBe(false);
  } else {
    const allowed = isAction ? [200, 204, 302, 303, 400, 409] : [200, 204, 302, 303];
    expect(allowed, where).toContain(status);
  }
}

describe("authorization matrix over every route file", () => {
  it("has a row for every route file in app/routes, and no row for a file that is gone", () => {
    const files = routeModules().map((r) => r.file);
    const missing = files.filter((f) => !(f in TABLE));
    const hint = (file: string) =>
      `add to TABLE in tests/security/authorization-matrix.test.ts: "${file}": { loader: PRIVATE | LIST | …, action: { expect: PRIVATE, fields: (w) => ({ … }) } or OWN_ACTION("why it touches no one else's data") }`;
    expect(missing.map(hint), "route files without a row in the authorization matrix").toEqual([]);
    expect(
      Object.keys(TABLE).filter((f) => !files.includes(f)),
      "rows for route files that no longer exist",
    ).toEqual([]);
    for (const route of routeModules()) {
      const row = TABLE[route.file]!;
      expect(
        !!row.loader,
        `${route.file}: loader ${route.hasLoader ? "exported but has no row" : "row but no export"}`,
      ).toBe(route.hasLoader);
      expect(
        !!row.action,
        `${route.file}: action ${route.hasAction ? "exported but has no row" : "row but no export"}`,
      ).toBe(route.hasAction);
    }
  });

  it("lets each role load only what the policy allows, and never shows another organization's private data", async () => {
    const checked: string[] = [];
    for (const route of routeModules()) {
      const row = TABLE[route.file];
      if (!row?.loader) continue;
      const path = urlOf(route);
      for (const role of ROLES) {
        await check(`GET ${path} (${route.file}) as ${role}`, await request(path, role), row.loader[role], false);
        // Remix's data requests reach the same loaders: no private data there either.
        if (row.loader[role] !== "allow") {
          const data = await request(`${path}.data`, role);
          expect((await data.text()).includes(MARKER), `GET ${path}.data as ${role}`).toBe(false);
        }
        checked.push(`${route.file}:${role}`);
      }
    }
    expect(checked.length).toBe(routeModules().filter((r) => r.hasLoader).length * ROLES.length);
  }, 300_000);

  it("refuses every action on the private world to everyone the policy does not allow, and nothing is written", async () => {
    // Refused attempts are audited (refused.*); nothing else may appear.
    const changes = () => db().auditEvent.count({ where: { NOT: { action: { startsWith: "refused." } } } });
    const before = await Promise.all([changes(), db().draft.count(), db().proposal.count()]);
    const updatedAt = (await db().draft.findUniqueOrThrow({ where: { id: world.draft.id } })).updatedAt;
    for (const route of routeModules()) {
      const action = TABLE[route.file]?.action;
      if (!action || "skip" in action) continue;
      const path = urlOf(route);
      for (const role of ROLES) {
        const response = await request(path, role, action.fields(world, role));
        await check(`POST ${path} (${route.file}) as ${role}`, response, action.expect[role], true);
      }
    }
    const after = await Promise.all([changes(), db().draft.count(), db().proposal.count()]);
    const refusals = await db().auditEvent.count({ where: { action: { startsWith: "refused." } } });
    expect(refusals).toBeGreaterThan(30);
    expect(after).toEqual(before);
    expect((await db().draft.findUniqueOrThrow({ where: { id: world.draft.id } })).updatedAt).toEqual(updatedAt);
  }, 300_000);
});
