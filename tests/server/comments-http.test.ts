import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { RATE_LIMITS } from "~/utils/rate-limit.server";
import { form, startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

let app: RunningApp;
const { as } = demoSessions(() => app);
let draftId: string;

beforeAll(async () => {
  app = await startApp();
  draftId = (await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } })).id;
});
afterAll(async () => {
  await app?.stop();
});

async function act(email: string, fields: Record<string, string>, draft = draftId) {
  return fetch(`${app.url}/drafts/${draft}/comments`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: await as(email), Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: form(fields),
  });
}

/** The panel's API, as single-fetch data: the raw payload is enough to check what leaks. */
async function panelPayload(email: string) {
  const response = await fetch(`${app.url}/drafts/${draftId}/comments.data`, { headers: { Cookie: await as(email) } });
  return { status: response.status, text: await response.text() };
}

async function pageHtml(email: string) {
  const response = await fetch(`${app.url}/drafts/${draftId}`, { headers: { Cookie: await as(email) } });
  return { status: response.status, text: await response.text() };
}

describe("comments", () => {
  it("keeps internal threads inside the owning organization, on the page and in the panel's API", async () => {
    expect(
      (
        await act("anahit@mta.example", {
          intent: "create",
          articleId: "lsg-a1",
          visibility: "INTERNAL",
          body: "Internal: check with the Ministry of Finance",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await act("armen@ucfo.example", {
          intent: "create",
          articleId: "lsg-a2",
          visibility: "WORKING_GROUP",
          body: "Working group: 15 days is too short",
        })
      ).status,
    ).toBe(200);

    for (const view of [panelPayload, pageHtml]) {
      const ministry = await view("gor@mta.example");
      expect(ministry.text).toContain("Internal: check with the Ministry of Finance");
      expect(ministry.text).toContain("Working group: 15 days is too short");
      for (const partner of ["armen@ucfo.example", "karen@aca.example"]) {
        const seen = await view(partner);
        expect(seen.status).toBe(200);
        expect(seen.text).toContain("Working group: 15 days is too short");
        expect(seen.text).not.toContain("Internal: check with the Ministry of Finance");
      }
      expect((await view("nino@zugdidi.example")).status).toBe(404);
    }
  });

  it("refuses an internal thread from a partner, and comments from someone without access", async () => {
    const before = await db().commentThread.count();
    expect(
      (
        await act("armen@ucfo.example", {
          intent: "create",
          articleId: "lsg-a1",
          visibility: "INTERNAL",
          body: "sneaky",
        })
      ).status,
    ).toBe(403);
    expect(
      (await act("nino@zugdidi.example", { intent: "create", articleId: "lsg-a1", body: "outsider" })).status,
    ).toBe(404);
    expect(await db().commentThread.count()).toBe(before);
  });

  it("refuses empty and overlong comments with a field error", async () => {
    const empty = await act("armen@ucfo.example", { intent: "create", articleId: "lsg-a1", body: "   " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("errors.commentEmpty");
    const long = await act("armen@ucfo.example", { intent: "create", articleId: "lsg-a1", body: "x".repeat(5001) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("errors.commentTooLong");
  });

  it("lets authors edit and delete only their own comments, leaving a deleted marker", async () => {
    await act("karen@aca.example", {
      intent: "create",
      articleId: "lsg-a3",
      body: "A council view <script>alert(1)</script>",
    });
    const thread = await db().commentThread.findFirstOrThrow({
      where: { articleId: "lsg-a3" },
      include: { comments: true },
    });
    const commentId = thread.comments[0]!.id;
    expect((await act("anahit@mta.example", { intent: "edit", commentId, body: "rewritten by staff" })).status).toBe(
      403,
    );
    expect((await act("karen@aca.example", { intent: "edit", commentId, body: "A council view, edited" })).status).toBe(
      200,
    );
    expect((await act("armen@ucfo.example", { intent: "reply", threadId: thread.id, body: "Agreed" })).status).toBe(
      200,
    );
    expect((await act("karen@aca.example", { intent: "delete", commentId })).status).toBe(200);
    const payload = (await panelPayload("anahit@mta.example")).text;
    expect(payload).not.toContain("A council view, edited");
    expect(payload).toContain("Agreed");
    const stored = await db().comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(stored.deletedAt).not.toBeNull();
    expect(stored.body).toBe("");
    const actions = (await db().auditEvent.findMany({ where: { objectId: commentId } })).map((e) => e.action).sort();
    // The staff member's attempt on someone else's words is on record too.
    expect(actions).toEqual(["comment.delete", "comment.edit", "refused.comment.change"]);
  });

  it("lets the owner's staff or the author resolve and reopen, nobody else", async () => {
    const thread = await db().commentThread.findFirstOrThrow({ where: { articleId: "lsg-a2" } });
    expect((await act("karen@aca.example", { intent: "resolve", threadId: thread.id })).status).toBe(403);
    expect((await act("gor@mta.example", { intent: "resolve", threadId: thread.id })).status).toBe(200);
    expect((await db().commentThread.findUniqueOrThrow({ where: { id: thread.id } })).status).toBe("RESOLVED");
    expect((await act("armen@ucfo.example", { intent: "reopen", threadId: thread.id })).status).toBe(200);
    expect((await db().commentThread.findUniqueOrThrow({ where: { id: thread.id } })).status).toBe("OPEN");
    expect(
      await db().auditEvent.count({
        where: { objectId: thread.id, action: { in: ["thread.resolve", "thread.reopen"] } },
      }),
    ).toBe(2);
  });

  it("does not find a thread of another draft through this one", async () => {
    const other = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Blagoveshchensk" } } });
    const thread = await db().commentThread.findFirstOrThrow({ where: { draftId } });
    const response = await act(
      "olga@blagoveshchensk.example",
      { intent: "reply", threadId: thread.id, body: "through the back door" },
      other.id,
    );
    expect(response.status).toBe(404);
  });

  it("notifies a participant mentioned by name", async () => {
    await act("armen@ucfo.example", {
      intent: "create",
      articleId: "lsg-a1",
      body: "@Գոռ Հակոբյան could you check the numbers?",
    });
    const gor = await db().user.findUniqueOrThrow({ where: { email: "gor@mta.example" } });
    expect(await db().notification.count({ where: { userId: gor.id, kind: "mention" } })).toBe(1);
    const page = await fetch(`${app.url}/notifications`, { headers: { Cookie: await as("gor@mta.example") } });
    expect(await page.text()).toContain("Արմեն Պետրոսյան");
    // Someone who cannot see the thread is not notified, even when named.
    await act("armen@ucfo.example", {
      intent: "create",
      articleId: "lsg-a1",
      body: "@ნინო ქვარაცხელია cannot see this draft",
    });
    const nino = await db().user.findUniqueOrThrow({ where: { email: "nino@zugdidi.example" } });
    expect(await db().notification.count({ where: { userId: nino.id } })).toBe(0);
  });

  it("pushes a 'changed' event to open pages when someone comments, without polling", async () => {
    const controller = new AbortController();
    const response = await fetch(`${app.url}/drafts/${draftId}/comments/events`, {
      headers: { Cookie: await as("karen@aca.example"), Accept: "text/event-stream" },
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const readUntil = async (marker: string) => {
      while (!received.includes(marker)) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value);
      }
    };
    // The stream's first bytes are written once the subscription is in place.
    await readUntil("retry:");
    await act("armen@ucfo.example", { intent: "create", articleId: "lsg-a3", body: "live for everyone" });
    await readUntil("event: changed");
    expect(received).toContain("event: changed");
    // The event carries no content: a subscriber learns nothing it could not load itself.
    expect(received).not.toContain("live for everyone");
    controller.abort();
  });

  it("limits how fast one person can comment", async () => {
    let limited: Response | undefined;
    for (let i = 0; i <= RATE_LIMITS.comment.account.max; i++) {
      limited = await act("lilit@ucfo.example", { intent: "create", articleId: "lsg-a1", body: `note ${i}` });
      if (limited.status !== 200) break;
    }
    expect(limited?.status).toBe(429);
    expect(await limited?.text()).toContain("rateLimits.comment?minutes=");
  });
});
