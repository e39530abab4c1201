import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "~/auth/session.server";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, editorText, openDraft as open, signedInPage as signIn } from "../helpers/browser";

/** Enter while suggesting, in Chromium: a new paragraph or a split proposed, typed into, withdrawn, accepted. */
const running = appAndBrowserForThisFile();
const openDraft = (page: Page, draftId: string) => open(running, page, draftId);

async function sharedDraft() {
  const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
  const isdtc = await db().organization.findFirstOrThrow({ where: { slug: "isdtc" } });
  await db().draftAccess.upsert({
    where: { draftId_organizationId: { draftId: draft.id, organizationId: isdtc.id } },
    create: { draftId: draft.id, organizationId: isdtc.id, level: "SUGGEST" },
    update: { level: "SUGGEST" },
  });
  return draft;
}

/** A phone-sized page (390 px, touch) signed in as this person. */
async function phonePage(email: string): Promise<Page> {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
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
  const page = await context.newPage();
  page.on("pageerror", (error) => running.pageErrors.push(error.message));
  return page;
}

/** Each paragraph's words as a reader sees them (without other people's caret labels). */
const paragraphWords = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((paragraphs) =>
    paragraphs.map((p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
      return copy.textContent ?? "";
    }),
  );

/** Puts the caret after the last letter of a paragraph with a tap (End would stop at a wrapped line's end). */
async function tapAtEnd(page: Page, selector: string) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const at = await page.locator(selector).evaluate((p) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node as Text;
    const range = document.createRange();
    range.setStart(last!, last!.length - 1);
    range.setEnd(last!, last!.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.right - 1, y: rect.top + rect.height / 2 };
  });
  await page.touchscreen.tap(at.x, at.y);
}

const A3_WORDS = "Սույն օրենքն ուժի մեջ է մտնում պաշտոնական հրապարակմանը հաջորդող տարվա հունվարի 1-ից։";
const POINT_TAIL = " կարող են ներկայացնել առաջարկություններ,";

describe("Enter while suggesting", () => {
  it("at the end of a paragraph proposes a new one typed into; inside one, a split; Backspace withdraws; the ministry accepts", async () => {
    const draft = await sharedDraft();
    const [ministry, expert] = await Promise.all([
      signIn(running, "anahit@mta.example"),
      signIn(running, "mariam@isdtc.example"),
    ]);
    await Promise.all([openDraft(ministry, draft.id), openDraft(expert, draft.id)]);
    await expert.getByTestId("suggesting-only").waitFor();

    // Enter at the end of article 3's paragraph, then the words of the new one.
    const a3 = (page: Page) => page.locator('section[data-id="lsg-a3"]');
    await a3(expert).locator("p").last().click();
    await expert.keyboard.press("End");
    await expert.keyboard.press("Enter");
    await expert.keyboard.type("Budgets are published online.");
    const newParagraph = (page: Page) => a3(page).locator(".suggestion-new-paragraph");
    await expect.poll(() => newParagraph(ministry).textContent()).toBe("Budgets are published online.");
    await expect.poll(() => newParagraph(expert).textContent()).toBe("Budgets are published online.");
    // The text is as it was: one paragraph in the article, no refusal notice.
    expect(await paragraphWords(ministry, 'section[data-id="lsg-a3"] p')).toEqual([A3_WORDS]);
    expect(await expert.getByTestId("suggestion-blocked").count()).toBe(0);

    // Enter inside a point, after its first word: the rest would move to a new paragraph.
    const point = (page: Page) => page.locator('div[data-id="lsg-a2-p2-1"]');
    await point(expert).locator("p").click();
    await expert.keyboard.press("Home");
    for (let i = 0; i < "բնակիչները".length; i++) await expert.keyboard.press("ArrowRight");
    await expert.keyboard.press("Enter");
    await expect.poll(() => point(ministry).locator(".suggestion-new-paragraph").textContent()).toBe(POINT_TAIL);
    await expect.poll(() => point(ministry).locator("p .suggestion-deleted").textContent()).toBe(POINT_TAIL);
    // Both drawn suggestions pass the WCAG 2.1 A/AA rules, for the one writing and the one reading.
    for (const page of [expert, ministry]) {
      const { violations } = await new AxeBuilder({ page })
        .include(".ProseMirror")
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
    }
    // A letter typed goes before the moved words; Backspace takes it back, then the break itself.
    await expert.keyboard.type("X");
    await expect.poll(() => point(ministry).locator(".suggestion-new-paragraph").textContent()).toBe(`X${POINT_TAIL}`);
    await expert.keyboard.press("Backspace");
    await expert.keyboard.press("Backspace");
    await expect.poll(() => point(ministry).locator(".suggestion-new-paragraph").count()).toBe(0);
    await expect.poll(() => point(ministry).locator(".suggestion-deleted").count()).toBe(0);

    // The ministry accepts the new paragraph from its card: it is text now, for everyone.
    const toggle = ministry.getByTestId("toggle-suggestions");
    if (await toggle.isVisible()) await toggle.click();
    const card = ministry.getByTestId("suggestion-card").filter({ hasText: "Budgets are published online." });
    await card.getByTestId("accept-suggestion").click();
    await expect
      .poll(() => paragraphWords(expert, 'section[data-id="lsg-a3"] p'))
      .toEqual([A3_WORDS, "Budgets are published online."]);
    expect(await newParagraph(expert).count()).toBe(0);
    expect(await editorText(ministry)).toContain("Budgets are published online.");
  });

  it("on a 390 px phone, Enter at the end of a part proposes a new paragraph, and Backspace at its start withdraws it", async () => {
    const draft = await sharedDraft();
    const expert = await phonePage("mariam@isdtc.example");
    await openDraft(expert, draft.id);
    await expert.getByTestId("suggesting-only").waitFor();
    const part = expert.locator('div[data-id="lsg-a2-p1"]');
    await tapAtEnd(expert, 'div[data-id="lsg-a2-p1"] p');
    await expert.keyboard.press("Enter");
    await expert.keyboard.type("ու 5-րդ մասով");
    const added = part.locator(".suggestion-new-paragraph");
    await expect.poll(() => added.textContent()).toBe("ու 5-րդ մասով");
    expect(await expert.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    for (let i = 0; i <= "ու 5-րդ մասով".length; i++) await expert.keyboard.press("Backspace");
    await expect.poll(() => added.count()).toBe(0);
    expect(await part.locator("p").count()).toBe(1);
    await expert.context().close();
  });
});
