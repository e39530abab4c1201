import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { listSuggestionOutcomes } from "~/models/suggestions/suggestion-outcomes.server";
import { createSession, SESSION_COOKIE } from "~/auth/session.server";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, openDraft as open, signedInPage as signIn, editorText } from "../helpers/browser";

const running = appAndBrowserForThisFile();
const signedInPage = (email: string) => signIn(running, email);
const openDraft = (page: Page, draftId: string) => open(running, page, draftId);

describe("suggestion mode in the browser", () => {
  it("an NGO expert suggests; the ministry accepts one with the keyboard and rejects one with a reason; the history shows both", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const isdtc = await db().organization.findFirstOrThrow({ where: { slug: "isdtc" } });
    await db().draftAccess.create({ data: { draftId: draft.id, organizationId: isdtc.id, level: "SUGGEST" } });
    const [ministry, expert] = await Promise.all([
      signedInPage("anahit@mta.example"),
      signedInPage("mariam@isdtc.example"),
    ]);
    await Promise.all([openDraft(ministry, draft.id), openDraft(expert, draft.id)]);

    // The expert types at the end of article 3: the text stays, a suggestion appears.
    await expert.getByTestId("suggesting-only").waitFor();
    await expert.locator(`section[data-id="lsg-a3"] p`).last().click();
    await expert.keyboard.press("End");
    // At once, right after the click and End: every key continues the run the first one started.
    await expert.keyboard.type(" also online");
    // A typed run is one suggestion (words, not letters); Backspace takes its last letter back.
    await expert.keyboard.press("Backspace");
    await expect.poll(() => ministry.locator("ins.suggestion-inserted").allTextContents()).toContain(" also onlin");
    // Three cards below: the two seeded ones and this run (one per letter would be eleven more).

    // On a desktop every side panel shows; on a phone the toggle opens it.
    const toggle = ministry.getByTestId("toggle-suggestions");
    if (await toggle.isVisible()) await toggle.click();
    const cards = ministry.getByTestId("suggestion-card");
    await expect.poll(() => cards.count()).toBe(3);
    // The organization filter: the expert's institute (derived on the server), then everyone again.
    const organizationFilter = ministry.getByTestId("suggestion-organization-filter");
    await organizationFilter.selectOption(isdtc.id);
    await expect.poll(() => cards.allTextContents()).toEqual([expect.stringContaining(" also onlin")]);
    await organizationFilter.selectOption("");
    await expect.poll(() => cards.count()).toBe(3);
    // Keyboard: next suggestion (the first in text order, article 1), accept.
    await ministry.keyboard.press("Alt+Shift+ArrowDown");
    await ministry.keyboard.press("Alt+Shift+A");
    await expect.poll(() => cards.count()).toBe(2);
    await expect.poll(() => editorText(ministry)).toContain("յուրաքանչյուր ամիս");

    // A thread about the suggestion, opened from its card; it stays in the history once decided.
    await cards.first().getByTestId("discuss-suggestion").click();
    await ministry.getByTestId("comment-body").fill("Fifteen days were agreed with the communities.");
    await ministry.getByTestId("comment-submit").click();
    await ministry.getByTestId("thread-on-suggestion").waitFor();
    await expect.poll(() => cards.first().getByTestId("discuss-suggestion").textContent()).toContain("1");

    await cards.first().getByTestId("reject-suggestion").click();
    await ministry.getByTestId("reject-reason").fill("Fifteen days are enough for a community budget.");
    await ministry.getByTestId("confirm-reject").click();
    await expect.poll(() => cards.count()).toBe(1);

    await expect
      .poll(async () => (await listSuggestionOutcomes(draft.id)).map((o) => o.outcome).sort())
      .toEqual(["ACCEPTED", "REJECTED"]);
    await ministry.goto(`${running.app.url}/drafts/${draft.id}/timeline`);
    const history = await ministry.getByTestId("timeline-suggestion").allTextContents();
    expect(history.join(" ")).toContain("Fifteen days are enough");
    expect(history.join(" ")).toContain("յուրաքանչյուր ամիս");
    // The accepted words link to where they are in the text; the rejected one to its discussion.
    const landing = ministry.getByTestId("suggestion-landing");
    expect(await landing.count()).toBe(2);
    expect(await landing.first().getAttribute("href")).toMatch(/#lsg-a\d$/);
    const thread = ministry.getByTestId("suggestion-thread-link");
    expect(await thread.count()).toBe(1);
    await thread.click();
    await ministry.getByTestId("thread-on-suggestion").waitFor();
  });

  it("a fast typist's run is one suggestion in every paragraph, however soon after the click the keys come", async () => {
    // The editor's selection follows the page's only some time after a click or End: the run
    // used to go on from the stale one, so from the second paragraph on, every run split in two.
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const isdtc = await db().organization.findFirstOrThrow({ where: { slug: "isdtc" } });
    await db().draftAccess.upsert({
      where: { draftId_organizationId: { draftId: draft.id, organizationId: isdtc.id } },
      create: { draftId: draft.id, organizationId: isdtc.id, level: "SUGGEST" },
      update: { level: "SUGGEST" },
    });
    const expert = await signedInPage("mariam@isdtc.example");
    await openDraft(expert, draft.id);
    await expert.getByTestId("suggesting-only").waitFor();
    const inserted = expert.locator("ins.suggestion-inserted");
    const seeded = await inserted.count();
    // Paragraphs without a suggestion yet (typing at the end of one would rightly continue it).
    const paragraphs = expert.locator("section[data-id] p");
    const free: number[] = [];
    for (let i = 0; i < (await paragraphs.count()) && free.length < 5; i++)
      if ((await paragraphs.nth(i).locator("ins").count()) === 0) free.push(i);
    expect(free.length).toBeGreaterThan(2);
    for (const i of free) {
      await paragraphs.nth(i).click();
      await expert.keyboard.press("End");
      await expert.keyboard.type(" also online");
      await expect
        .poll(() => paragraphs.nth(i).locator("ins.suggestion-inserted").allTextContents())
        .toEqual([" also online"]);
    }
    expect(await inserted.count()).toBe(seeded + free.length);

    // Whole articles too: a new one after the article at the cursor, and removing that article.
    await paragraphs.nth(free[0]!).click();
    await expert.getByTestId("structure-suggestion-type").selectOption("article");
    await expert.getByTestId("suggest-new-node").click();
    await expert.getByTestId("structure-suggestion-words").fill("Budgets are published online.");
    await expert.getByTestId("confirm-new-node").click();
    await expert.getByTestId("suggest-node-removal").click();
    await expect
      .poll(() => expert.locator(".suggestion-inserted-node").allTextContents())
      .toEqual(["Budgets are published online."]);
    await expect.poll(() => expert.locator("section.article.suggestion-removed-node").count()).toBe(1);
  });

  it("on a 390 px phone with touch, the panel opens from its toggle and a suggestion is accepted with a tap", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const user = await db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } });
    const { token } = await createSession(db(), user.id);
    const context = await running.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "en-GB",
    });
    await context.addCookies([
      { name: SESSION_COOKIE, value: token, domain: new URL(running.app.url).hostname, path: "/" },
    ]);
    const phone = await context.newPage();
    phone.on("pageerror", (error) => running.pageErrors.push(error.message));
    await openDraft(phone, draft.id);

    const cards = phone.getByTestId("suggestion-card");
    expect(await cards.first().isVisible()).toBe(false); // the text first; the panel opens on demand
    await phone.getByTestId("toggle-suggestions").tap();
    await cards.first().waitFor();
    const before = await cards.count();
    expect(before).toBeGreaterThan(0);
    const noSideScroll = () => phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await noSideScroll()).toBe(true);
    // A card that proposes words (not a whole unit's removal, which has none to find afterwards).
    const card = cards.filter({ has: phone.locator("ins") }).first();
    const accept = card.getByTestId("accept-suggestion");
    const box = await accept.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(24); // a tap target (WCAG 2.5.8)

    // Rejecting opens the reason field within the width; cancelling keeps the suggestion.
    await card.getByTestId("reject-suggestion").tap();
    await phone.getByTestId("reject-reason").waitFor();
    expect(await noSideScroll()).toBe(true);
    await phone.getByTestId("cancel-reject").tap();

    const words = (await card.locator("ins").textContent()) ?? "";
    await accept.tap();
    await expect.poll(() => cards.count()).toBe(before - 1);
    await expect.poll(() => editorText(phone)).toContain(words.trim());
    await context.close();
  });
});
