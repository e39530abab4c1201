import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadDocument } from "~/models/documents/document-log.server";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, openDraft as open, signedInPage as signIn, editorText } from "../helpers/browser";

const running = appAndBrowserForThisFile();

const signedInPage = (email: string) => signIn(running, email);
const openDraft = (page: Page, draftId: string) => open(running, page, draftId);

/** Puts the cursor at the end of an article's first paragraph, found by its stable id. */
async function typeInArticle(page: Page, articleId: string, text: string) {
  await page.locator(`section[data-id="${articleId}"] p`).last().click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

describe("co-editing in two browsers", () => {
  it("ministry staff and a partner expert type in the same draft and see each other's text and caret", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const [ministry, partner] = await Promise.all([
      signedInPage("anahit@mta.example"),
      signedInPage("armen@ucfo.example"),
    ]);
    await Promise.all([openDraft(ministry, draft.id), openDraft(partner, draft.id)]);

    await typeInArticle(ministry, "lsg-a3", " Ministry sentence.");
    await typeInArticle(partner, "lsg-a1", " NGO proposal text.");

    await expect.poll(() => editorText(partner)).toContain("Ministry sentence.");
    await expect.poll(() => editorText(ministry)).toContain("NGO proposal text.");
    // Each sees the other's caret with their name.
    await expect
      .poll(() => ministry.locator(".collaboration-carets__label").allTextContents())
      .toContain("Արմեն Պետրոսյան");
    await expect
      .poll(() => partner.locator(".collaboration-carets__label").allTextContents())
      .toContain("Անահիտ Սարգսյան");
    await expect.poll(() => ministry.getByTestId("people").textContent()).toContain("Արմեն Պետրոսյան");

    // "All changes saved" means it: the database has both edits.
    await expect.poll(() => ministry.getByTestId("saved-state").getAttribute("data-saved")).toBe("true");
    await expect.poll(() => partner.getByTestId("saved-state").getAttribute("data-saved")).toBe("true");
    const { doc } = await loadDocument(draft.id);
    const { yDocToJSON } = await import("~/editor/yjs-document");
    const text = JSON.stringify(yDocToJSON(doc));
    expect(text).toContain("Ministry sentence.");
    expect(text).toContain("NGO proposal text.");
  });

  it("undo takes back only one's own typing, not the other person's", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const [ministry, partner] = await Promise.all([
      signedInPage("anahit@mta.example"),
      signedInPage("lilit@ucfo.example"),
    ]);
    await Promise.all([openDraft(ministry, draft.id), openDraft(partner, draft.id)]);
    await typeInArticle(partner, "lsg-a1", " Partner keeps this.");
    await expect.poll(() => editorText(ministry)).toContain("Partner keeps this.");
    await typeInArticle(ministry, "lsg-a3", " Ministry takes this back.");
    await expect.poll(() => editorText(partner)).toContain("Ministry takes this back.");
    await ministry.keyboard.press("Control+z");
    await expect.poll(() => editorText(ministry)).not.toContain("Ministry takes this back.");
    await expect.poll(() => editorText(partner)).not.toContain("Ministry takes this back.");
    expect(await editorText(ministry)).toContain("Partner keeps this.");
  });

  it("a commenter reads live but cannot type", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const [ministry, commenter] = await Promise.all([
      signedInPage("gor@mta.example"),
      signedInPage("karen@aca.example"),
    ]);
    await Promise.all([openDraft(ministry, draft.id), openDraft(commenter, draft.id)]);
    expect(await commenter.locator(".ProseMirror").getAttribute("contenteditable")).toBe("false");
    expect(await commenter.locator('[role="toolbar"]').count()).toBe(0);
    await typeInArticle(ministry, "lsg-a2", " Live for the commenter.");
    await expect.poll(() => editorText(commenter)).toContain("Live for the commenter.");
  });
});
