import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, signedInPage } from "../helpers/browser";

const running = appAndBrowserForThisFile();

describe("the editor labels the text in its own language", () => {
  it("shows an Armenian law's chapters and articles in Armenian to a reader with an English interface", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    // Lilit has no interface language of her own: the browser's English decides it.
    const page = await signedInPage(running, "lilit@ucfo.example");
    await page.goto(`${running.app.url}/drafts/${draft.id}`);
    const text = page.locator('[data-testid="editor"] .legal-document');
    await expect.poll(() => text.count()).toBe(1);
    expect(await text.getAttribute("lang")).toBe("hy");
    const firstArticle = text.locator("section.article > h3").first();
    await expect.poll(() => firstArticle.count()).toBe(1);
    const label = await firstArticle.evaluate((h3) => getComputedStyle(h3, "::before").content);
    expect(label).toContain("Հոդված");
    // The outline beside it numbers in Armenian too; its heading is the reader's English.
    const outline = page.getByTestId("outline");
    expect(await outline.locator("h2").textContent()).toBe("Contents");
    expect(await outline.locator("li button").first().textContent()).toMatch(/^Գլուխ 1\./);
    expect(await page.getByTestId("text-language").textContent()).toBe("Text in Armenian");
  });
});
