import AxeBuilder from "@axe-core/playwright";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, signedInPage } from "../helpers/browser";

const running = appAndBrowserForThisFile();
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

describe("parallel texts in the browser", () => {
  it("a translator edits the Russian text beside the Armenian one; the changed article is outdated with its diff, then confirmed", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { ownerOrganization: { slug: "yerevan" } } });
    const nare = await signedInPage(running, "nare@yerevan.example");
    await nare.setViewportSize({ width: 1280, height: 900 });

    // The draft's texts in other languages, and one more added through the form.
    await nare.goto(`${running.app.url}/drafts/${draft.id}/texts`);
    expect(await nare.getByTestId("language-text").count()).toBe(1);
    await nare.locator('select[name="textLanguage"]').selectOption("en");
    await nare.locator('input[name="mode"][value="empty"]').check();
    await nare.getByTestId("add-language-text").click();
    await expect.poll(() => nare.getByTestId("language-text").count()).toBe(2);

    // The texts are equally authentic until an editor names the Armenian one authoritative.
    const authorities = () =>
      nare.getByTestId("text-authority").evaluateAll((spans) => spans.map((s) => s.getAttribute("data-authority")));
    expect(await authorities()).toEqual(["equal", "equal"]);
    await nare.locator(`input[name="authoritative"][value="${draft.id}"]`).check();
    await nare.getByTestId("save-authenticity").click();
    await expect.poll(authorities).toEqual(["translation", "translation"]);
    expect(await nare.getByTestId("main-authority").getAttribute("data-authority")).toBe("authoritative");

    // Side by side with the Russian text: two live editors, alignment per article.
    await nare.locator('li:has-text("Соглашение") [data-testid="open-parallel"]').click();
    await nare.waitForURL(/\/parallel\/[^/]+$/);
    const state = (articleId: string) =>
      nare.locator(`[data-testid="alignment"][data-article-id="${articleId}"]`).getAttribute("data-state");
    expect(await state("yer-a1")).toBe("aligned");
    expect(await state("yer-a3")).toBe("unconfirmed");
    const russian = nare.getByTestId("parallel-other");
    await expect.poll(() => russian.locator(".ProseMirror").getAttribute("lang")).toBe("ru");
    expect(await nare.getByTestId("parallel-main").locator(".ProseMirror").getAttribute("lang")).toBe("hy");
    expect(await russian.getByTestId("side-authority").getAttribute("data-authority")).toBe("translation");
    const axe = await new AxeBuilder({ page: nare }).withTags(WCAG_TAGS).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // The translator changes article 1 of the Russian text.
    await russian.locator('section[data-id="yer-a1"] p').last().click();
    await nare.keyboard.press("End");
    await nare.keyboard.type(" и туризма");
    await expect.poll(() => russian.getByTestId("saved-state").getAttribute("data-saved")).toBe("true");
    await nare.getByTestId("refresh-alignment").click();
    await expect.poll(() => state("yer-a1")).toBe("outdated");
    const outdated = nare.locator('[data-testid="alignment"][data-article-id="yer-a1"]');
    expect((await outdated.locator("ins").allTextContents()).join("")).toContain("туризма");
    expect(await state("yer-a2")).toBe("aligned");

    await outdated.getByTestId("confirm-alignment").click();
    await expect.poll(() => state("yer-a1")).toBe("aligned");
    const row = await db().textAlignment.findFirstOrThrow({ where: { articleId: "yer-a1" } });
    expect(row.otherText).toContain("туризма");

    // A phone: the two texts stack, nothing scrolls sideways.
    await nare.setViewportSize({ width: 390, height: 800 });
    await nare.reload();
    await expect.poll(() => russian.locator(".ProseMirror").count()).toBe(1);
    expect(await nare.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await nare.context().close();
    expect(running.pageErrors).toEqual([]);
  });
});
