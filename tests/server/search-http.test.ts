import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/current-user.server";
import { loadActor } from "~/models/accounts/actors.server";
import { startThread } from "~/models/comments/comments.server";
import { loadDraftResource } from "~/models/drafts/draft-access.server";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

let app: RunningApp;
const { get } = demoSessions(() => app);

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const count = (html: string, kind: string) =>
  Number(html.match(new RegExp(`data-testid="search-count-${kind}">(\\d+)<`))?.[1] ?? NaN);

describe("the search page", () => {
  it("finds a draft for its staff by a folded word, with the match marked, and hides it from others", async () => {
    const path = `/search?q=${encodeURIComponent("САМОУПРАВЛЕНИИ")}`;
    const forStaff = await (await get(path, "anahit@mta.example")).text();
    expect(count(forStaff, "DRAFT")).toBe(1);
    expect(forStaff).toContain("<mark>самоуправлении</mark>");
    // Nino's municipality has no access to the ministry's draft; visitors see only public things.
    expect(count(await (await get(path, "nino@zugdidi.example")).text(), "DRAFT")).toBe(0);
    const forVisitor = await get(path);
    expect(forVisitor.status).toBe(200);
    expect(count(await forVisitor.text(), "DRAFT")).toBe(0);
  });

  it("finds public consultations for signed-out visitors, in capitals too", async () => {
    const html = await (await get(`/search?q=${encodeURIComponent("ՀԱՆՐԱՅԻՆ ՔՆՆԱՐԿ")}`)).text();
    expect(count(html, "ROUND")).toBeGreaterThan(0);
    expect(html).toContain("<mark>հանրային</mark>");
  });

  it("shows comment text as text: markup in a comment is escaped around the marks", async () => {
    const anahit = await db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } });
    const user = { ...anahit, sessionId: "test", actor: await loadActor(anahit) } as unknown as CurrentUser;
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const article = await db().documentSnapshot.findUniqueOrThrow({ where: { documentId: draft.id } });
    const articleId = (article.outline as { id: string; type: string }[]).find((e) => e.type === "article")!.id;
    await startThread(user, (await loadDraftResource(draft.id))!, {
      articleId,
      visibility: "WORKING_GROUP",
      body: `<img src=x onerror="alert(1)"> injectionword`,
    } as never);
    const html = await (await get("/search?q=injectionword&kind=COMMENT", "anahit@mta.example")).text();
    expect(count(html, "COMMENT")).toBe(1);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x");
    expect(html).toContain("<mark>injectionword</mark>");
  });

  it("ignores filter values no select offers, and has a search box in the header", async () => {
    const response = await get("/search?q=budget&kind=BOGUS&draftStatus=nope", "anahit@mta.example");
    expect(response.status).toBe(200);
    const home = await (await get("/")).text();
    expect(home).toMatch(/<form[^>]*action="\/search"/);
  });
});
