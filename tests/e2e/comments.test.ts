import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, openDraft as open, signedInPage as signIn } from "../helpers/browser";

const running = appAndBrowserForThisFile();

const signedInPage = (email: string) => signIn(running, email);
const openDraft = (page: Page, draftId: string) => open(running, page, draftId);

/** Selects `words` inside the article with this stable id, as a mouse drag would. */
async function selectWords(page: Page, articleId: string, words: string) {
  await page.evaluate(
    ({ articleId, words }) => {
      const article = document.querySelector(`section[data-id="${articleId}"]`)!;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent!.indexOf(words);
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + words.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${words}" not found`);
    },
    { articleId, words },
  );
}

describe("comments in the browser", () => {
  it("a partner comments on a passage; the ministry sees the highlight and thread live, replies and resolves", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const [partner, ministry] = await Promise.all([
      signedInPage("armen@ucfo.example"),
      signedInPage("anahit@mta.example"),
    ]);
    await Promise.all([openDraft(partner, draft.id), openDraft(ministry, draft.id)]);

    const passage = "պաշտոնական կայքում";
    await selectWords(partner, "lsg-a1", passage);
    await partner.getByTestId("add-comment").click();
    await partner
      .getByTestId("comment-body")
      .fill("Publish it within 10 days, not quarterly.\nSee https://www.e-gov.am");
    await partner.getByTestId("comment-submit").click();
    await expect.poll(() => partner.getByTestId("thread").count()).toBe(1);

    // The ministry sees it without reloading: the thread in the panel and the highlighted words.
    await expect.poll(() => ministry.getByTestId("thread").count(), { timeout: 5000 }).toBe(1);
    await expect.poll(() => ministry.locator(".comment-highlight").textContent()).toBe(passage);
    expect(await ministry.getByTestId("thread").locator("a").getAttribute("href")).toBe("https://www.e-gov.am");

    // Clicking the highlighted words opens the thread; the ministry replies and resolves.
    await ministry.locator(".comment-highlight").click();
    await ministry.getByTestId("reply-body").fill("Agreed: we will change the term.");
    await ministry.getByTestId("reply-submit").click();
    await expect
      .poll(() => partner.getByTestId("thread").textContent(), { timeout: 5000 })
      .toContain("Agreed: we will change the term.");
    await ministry.getByTestId("resolve").click();
    await expect.poll(() => partner.getByTestId("thread").count(), { timeout: 5000 }).toBe(0);
    const thread = await db().commentThread.findFirstOrThrow({ where: { draftId: draft.id } });
    expect(thread.status).toBe("RESOLVED");
    expect(thread.quote).toBe(passage);
  });
});
