import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "~/auth/session.server";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, editorText, openDraft } from "../helpers/browser";
import { pointAfter } from "../helpers/editor-text";

const running = appAndBrowserForThisFile();

/** A phone: 390 px, touch events, mobile viewport; signed in as ministry staff, in English. */
async function phone(): Promise<Page> {
  const user = await db().user.update({ where: { email: "anahit@mta.example" }, data: { locale: "en" } });
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

async function openDraftOnPhone(page: Page): Promise<string> {
  const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
  await openDraft(running, page, draft.id);
  return draft.id;
}

const isVisible = (page: Page, selector: string) => page.locator(selector).isVisible();

describe("on a phone with a touch screen", () => {
  it("the header folds into a Menu button that opens, closes with Escape and gives focus back", async () => {
    const page = await phone();
    await page.goto(`${running.app.url}/rounds`);
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
    const toggle = page.getByTestId("menu-toggle");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await isVisible(page, ".main-nav")).toBe(false);

    await toggle.tap();
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await isVisible(page, ".main-nav")).toBe(true);
    const box = await page.locator(".main-nav a").first().boundingBox();
    // Tap targets of at least 24 × 24 px (WCAG 2.5.8).
    expect(box!.height).toBeGreaterThanOrEqual(24);

    await page.locator(".main-nav a").first().focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("menu-toggle");
    await page.context().close();
  });

  it("the draft shows its text first; contents and comments open as panels", async () => {
    const page = await phone();
    await openDraftOnPhone(page);
    expect(await isVisible(page, "#draft-outline-panel")).toBe(false);
    expect(await isVisible(page, "#draft-comments-panel")).toBe(false);
    const textTop = (await page.locator(".editor-frame").boundingBox())!.y;
    const sideTop = (await page.locator(".draft-side").boundingBox())!.y;
    expect(textTop).toBeLessThan(sideTop);

    await page.getByTestId("toggle-outline").tap();
    await expect.poll(() => isVisible(page, "#draft-outline-panel")).toBe(true);
    expect(await page.getByTestId("toggle-outline").getAttribute("aria-expanded")).toBe("true");
    await page.getByTestId("toggle-outline").tap();
    await expect.poll(() => isVisible(page, "#draft-outline-panel")).toBe(false);
    await page.context().close();
  });

  it("typing and commenting in the editor work by touch; Escape in the comment box returns to the text", async () => {
    const page = await phone();
    const draftId = await openDraftOnPhone(page);

    // Typing: tap after a word, type through the (emulated) on-screen keyboard.
    const spot = await pointAfter(page, "lsg-a1", "պաշտոնական");
    await page.touchscreen.tap(spot.x, spot.y);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);
    await page.keyboard.type(" (touch)");
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain("(touch)");

    // Commenting: the comment button opens the comments panel with the composer.
    await page.getByTestId("add-comment").tap();
    await expect.poll(() => isVisible(page, "[data-testid=composer]")).toBe(true);
    const body = page.getByTestId("comment-body");
    await body.tap();
    await page.keyboard.type("Written on a phone.");
    // Escape goes back to the text, as the hint says; what was typed stays.
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);
    expect(await body.inputValue()).toBe("Written on a phone.");

    await page.getByTestId("comment-submit").tap();
    await expect
      .poll(
        () => db().commentThread.count({ where: { draftId, comments: { some: { body: "Written on a phone." } } } }),
        {
          timeout: 10_000,
        },
      )
      .toBe(1);
    await expect.poll(() => page.getByTestId("thread").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.context().close();
  });
});
