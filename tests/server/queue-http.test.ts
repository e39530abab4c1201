import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPTIONAL_KINDS } from "~/models/notifications/notification-kinds";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

let app: RunningApp;
const sessions = demoSessions(() => app);
const get = (path: string, email?: string) => sessions.get(path, email, { "Accept-Language": "en" });
const post = sessions.post;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const userId = async (email: string) => (await db().user.findFirstOrThrow({ where: { email } })).id;
const local = (date: Date) => date.toISOString().slice(0, 19);

describe("the home page", () => {
  it("is the public landing page signed out and the work queue signed in", async () => {
    const landing = await (await get("/")).text();
    expect(landing).toContain("Draft legal acts together");
    expect(landing).not.toContain('data-testid="queue-drafts"');

    // The draft shared with Lilit's organization for editing is in her queue, linked.
    const shared = await db().draftAccess.findFirstOrThrow({
      where: { organization: { slug: "ucfo" }, level: "EDIT" },
      select: { draftId: true },
    });
    const queue = await (await get("/", "lilit@ucfo.example")).text();
    expect(queue).toContain("<title>My work");
    expect(queue).toContain('data-testid="queue-drafts"');
    expect(queue).toContain(`href="/drafts/${shared.draftId}"`);
  });
});

describe("notification settings over HTTP", () => {
  it("save one's own choices and refuse a value outside the list next to the field", async () => {
    const all = Object.fromEntries(OPTIONAL_KINDS.map((kind) => [kind, "IMMEDIATE"]));
    const saved = await post("/notifications/settings", "lilit@ucfo.example", { ...all, "draft.shared": "DIGEST" });
    expect(saved.status).toBe(200);
    const row = await db().notificationSetting.findFirstOrThrow({
      where: { userId: await userId("lilit@ucfo.example"), kind: "draft.shared" },
    });
    expect(row.email).toBe("DIGEST");
    const wrong = await post("/notifications/settings", "lilit@ucfo.example", { ...all, "draft.shared": "SOMETIMES" });
    expect(wrong.status).toBe(400);
    expect((await db().notificationSetting.findUniqueOrThrow({ where: { id: row.id } })).email).toBe("DIGEST");
  });

  it("end one kind's e-mail from the one-click link, without signing in", async () => {
    const row = await db().notificationSetting.findFirstOrThrow({
      where: { userId: await userId("lilit@ucfo.example"), kind: "round.opened" },
    });
    const page = await get(`/unsubscribe/${row.unsubscribeToken}`);
    expect(await page.text()).toContain("A consultation round opened for my organization");
    const oneClick = await fetch(`${app.url}/unsubscribe/${row.unsubscribeToken}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect((await db().notificationSetting.findUniqueOrThrow({ where: { id: row.id } })).email).toBe("OFF");
  });
});

describe("a review without dead ends", () => {
  it("freezes the current text when sent, shows who decided, and lets the secretary close once all decided", async () => {
    // Pages in English for the assertions (a person's own language wins over the browser's).
    await db().user.updateMany({
      where: { email: { in: ["anahit@mta.example", "gor@mta.example", "karen@aca.example"] } },
      data: { locale: "en" },
    });
    const mta = await db().organization.findFirstOrThrow({ where: { slug: "mta" } });
    const body = await db().collegiumBody.create({ data: { organizationId: mta.id, nameEn: "Queue collegium" } });
    const reviewers = [
      ["gor@mta.example", "SECRETARY"],
      ["armen@ucfo.example", "MEMBER"],
      ["karen@aca.example", "MEMBER"],
    ] as const;
    for (const [email, role] of reviewers) {
      await db().collegiumMembership.create({
        data: { bodyId: body.id, userId: await userId(email), personName: email, role, termStart: new Date(0) },
      });
    }
    const draft = await db().draft.findFirstOrThrow({
      where: { ownerOrganizationId: mta.id, status: { in: ["DRAFTING", "REVISION"] } },
      include: { _count: { select: { versions: true } } },
    });
    const form = await (await get(`/drafts/${draft.id}/reviews/new`, "anahit@mta.example")).text();
    expect(form).toContain("Freeze the current text as a new version");
    const send = {
      bodyId: body.id,
      versionId: "current-text",
      versionName: "",
      dueAt: local(new Date(Date.now() + 7 * 24 * 3_600_000)),
      timeZone: "UTC",
      note: "",
    };
    // Freezing needs a name for the new version.
    expect((await post(`/drafts/${draft.id}/reviews/new`, "anahit@mta.example", send)).status).toBe(400);
    const sent = await post(`/drafts/${draft.id}/reviews/new`, "anahit@mta.example", {
      ...send,
      versionName: "Sent to the collegium",
    });
    expect(sent.status).toBe(302);
    const path = sent.headers.get("Location")!;
    const review = await db().collegiumReview.findFirstOrThrow({ where: { id: path.split("/").pop() } });
    const version = await db().draftVersion.findUniqueOrThrow({ where: { id: review.versionId } });
    expect(version).toMatchObject({ name: "Sent to the collegium", number: draft._count.versions + 1 });
    // Under review, the draft page offers no second sending.
    expect(await (await get(`/drafts/${draft.id}`, "anahit@mta.example")).text()).not.toContain(
      'href="/drafts/' + draft.id + '/reviews/new"',
    );

    await post(path, "armen@ucfo.example", { intent: "decide", decision: "APPROVE", remarks: "" });
    const secretaryPage = await (await get(path, "gor@mta.example")).text();
    expect(secretaryPage).toContain("Quorum: 2 of 3 reviewers must decide");
    expect(secretaryPage).toContain('data-testid="review-waiting"');
    expect(secretaryPage).toContain('data-testid="review-tally-so-far"');
    // A member sees who decided, not the tally, until the review is closed.
    const memberPage = await (await get(path, "karen@aca.example")).text();
    expect(memberPage).toContain('data-testid="review-progress"');
    expect(memberPage).not.toContain('data-testid="review-tally-so-far"');
    // Not before the due date while someone is still to decide.
    expect(secretaryPage).not.toContain('data-testid="review-close"');
    expect((await post(path, "gor@mta.example", { intent: "close" })).status).toBe(403);

    await post(path, "karen@aca.example", { intent: "decide", decision: "APPROVE", remarks: "" });
    await post(path, "gor@mta.example", { intent: "decide", decision: "ABSTAIN", remarks: "Secretary." });
    const ready = await (await get(path, "gor@mta.example")).text();
    expect(ready).toContain('data-testid="review-close"');
    expect(ready).toContain("Every reviewer has decided");
    // Only the secretary closes; the outcome follows from the decisions.
    expect((await post(path, "armen@ucfo.example", { intent: "close" })).status).toBe(403);
    expect((await post(path, "gor@mta.example", { intent: "close" })).status).toBeLessThan(400);
    expect(await db().collegiumReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      status: "CLOSED",
      outcome: "ADOPTED",
    });
  });
});
