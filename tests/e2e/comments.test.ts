import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, openDraft as open, signedInPage as signIn } from "../helpers/browser";
import { collapseBefore, selectAcross, selectWords } from "../helpers/editor-text";

const running = appAndBrowserForThisFile();

const signedInPage = (email: string) => signIn(running, email);
const openDraft = (page: Page, draftId: string) => open(running, page, draftId);

/**
 * ProseMirror reads a DOM selection on the next "selectionchange" event, which the browser
 * fires asynchronously: wait until the editor's own selection is no longer empty.
 */
async function untilEditorSelects(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const editor = document.querySelector(".ProseMirror");
        const selection = window.getSelection();
        return !!editor && !!selection && !selection.isCollapsed && editor.contains(selection.anchorNode);
      }),
    )
    .toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Puts the caret (a collapsed selection) in the editor just before `words`, as a click there would. */
async function caretBefore(page: Page, articleId: string, words: string) {
  await page.locator(".ProseMirror").focus();
  await collapseBefore(page, articleId, words);
  // As with a selection: ProseMirror takes the caret on the next "selectionchange". Typing
  // before then would act at the old caret (one run in several split the wrong word).
  await expect
    .poll(() =>
      page.evaluate(() => {
        type View = { posAtDOM(node: Node, offset: number): number; state: { selection: { from: number } } };
        const dom = document.querySelector(".ProseMirror") as (Element & { editor?: { view: View } }) | null;
        const selection = window.getSelection();
        if (!dom?.editor || !selection?.anchorNode) return false;
        const { view } = dom.editor;
        return view.state.selection.from === view.posAtDOM(selection.anchorNode, selection.anchorOffset);
      }),
    )
    .toBe(true);
}

const focusedThreadId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest("[data-testid=thread]")?.getAttribute("data-thread-id") ?? null);

describe("comments in the browser", () => {
  it("a partner comments on a passage; the ministry sees the highlight and thread live, replies and resolves", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const [partner, ministry] = await Promise.all([
      signedInPage("armen@ucfo.example"),
      signedInPage("anahit@mta.example"),
    ]);
    // Every reload of the threads re-renders the page; the event stream must stay the one opened
    // first (reopening it on each render dropped the notices sent while it reconnected).
    let partnerStreams = 0;
    partner.on("request", (request) => {
      if (request.url().endsWith("/comments/events")) partnerStreams += 1;
    });
    await Promise.all([openDraft(partner, draft.id), openDraft(ministry, draft.id)]);

    const passage = "պաշտոնական կայքում";
    await selectWords(partner, "lsg-a1", passage);
    await untilEditorSelects(partner);
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
    // "@Արմ" suggests the partner; Enter puts the full name in, which mentions him.
    await ministry.getByTestId("reply-body").fill("Agreed: we will change the term. @Արմ");
    await expect
      .poll(() => ministry.getByTestId("mention-suggestion").allTextContents(), { timeout: 5000 })
      .toEqual(["@Արմեն Պետրոսյան"]);
    await ministry.getByTestId("reply-body").press("Enter");
    expect(await ministry.getByTestId("reply-body").inputValue()).toBe(
      "Agreed: we will change the term. @Արմեն Պետրոսյան ",
    );
    await ministry.getByTestId("reply-submit").click();
    await expect
      .poll(() => partner.getByTestId("thread").textContent(), { timeout: 5000 })
      .toContain("Agreed: we will change the term.");
    expect(await partner.getByTestId("thread").locator(".mention").textContent()).toBe("@Արմեն Պետրոսյան");
    const armen = await db().user.findFirstOrThrow({ where: { email: "armen@ucfo.example" } });
    expect(await db().notification.count({ where: { userId: armen.id, kind: "mention" } })).toBe(1);
    // The ministry's own card has the reply too before it resolves (one fetcher per card).
    await expect.poll(() => ministry.getByTestId("thread").textContent()).toContain("Agreed: we will change the term.");
    await ministry.getByTestId("resolve").click();
    await expect
      .poll(async () => (await db().commentThread.findFirstOrThrow({ where: { draftId: draft.id } })).status, {
        timeout: 10_000,
      })
      .toBe("RESOLVED");
    await expect.poll(() => partner.getByTestId("thread").count(), { timeout: 10_000 }).toBe(0);
    const thread = await db().commentThread.findFirstOrThrow({ where: { draftId: draft.id } });
    expect(thread.status).toBe("RESOLVED");
    expect(thread.quote).toBe(passage);
    expect(partnerStreams).toBe(1);
  });

  it("a passage over two paragraphs is highlighted in both, listed in text order, and reachable with the keyboard", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const [partner, ministry] = await Promise.all([
      signedInPage("armen@ucfo.example"),
      signedInPage("anahit@mta.example"),
    ]);
    await Promise.all([openDraft(partner, draft.id), openDraft(ministry, draft.id)]);

    // The ministry comments with Ctrl+Alt+M on a passage from part 2's sentence into its first point.
    await selectAcross(ministry, "lsg-a2", "հանրային քննարկման", "բնակիչները կարող են");
    await untilEditorSelects(ministry);
    await ministry.keyboard.press("Control+Alt+KeyM");
    await ministry.getByTestId("comment-body").fill("Say how long the discussion lasts.");
    await ministry.getByTestId("comment-submit").click();
    await expect.poll(() => ministry.getByTestId("thread").count()).toBe(1);
    const crossing = await db().commentThread.findFirstOrThrow({
      where: { draftId: draft.id, status: "OPEN" },
      orderBy: { createdAt: "desc" },
    });
    expect(crossing.articleId).toBe("lsg-a2");
    expect(crossing.quote).toBe("հանրային քննարկման, որի ընթացքում՝ բնակիչները կարող են");

    // Both paragraphs are highlighted, for the author and, live, for the partner.
    for (const page of [ministry, partner]) {
      await expect
        .poll(() => page.locator(`.comment-highlight[data-thread-id="${crossing.id}"]`).allTextContents(), {
          timeout: 5000,
        })
        .toEqual(["հանրային քննարկման, որի ընթացքում՝", "բնակիչները կարող են"]);
    }

    // The partner comments on earlier words of the same article: the panel lists it first.
    await selectAcross(partner, "lsg-a2", "69-րդ հոդվածը", "69-րդ հոդվածը");
    await untilEditorSelects(partner);
    await partner.getByTestId("add-comment").click();
    await partner.getByTestId("comment-body").fill("Check the article number.");
    await partner.getByTestId("comment-submit").click();
    await expect
      .poll(() => ministry.getByTestId("thread").locator(".thread-anchor q").allTextContents(), { timeout: 5000 })
      .toEqual(["69-րդ հոդվածը", crossing.quote]);

    // From the panel with the keyboard: Enter on the thread's quote selects its passage in the text.
    const card = ministry.locator(`[data-testid=thread][data-thread-id="${crossing.id}"]`);
    await card.locator(".thread-anchor").focus();
    await ministry.keyboard.press("Enter");
    await expect.poll(() => card.getAttribute("class")).toContain("is-active");
    await expect
      .poll(() => ministry.locator(".comment-highlight.is-active").allTextContents())
      .toEqual(["հանրային քննարկման, որի ընթացքում՝", "բնակիչները կարող են"]);
    await ministry.keyboard.press("Enter");
    await expect.poll(() => card.getAttribute("class")).not.toContain("is-active");

    // From the text: the caret moves into the highlighted passage, Alt+Enter opens its thread
    // and takes focus there; Escape goes back to the text.
    await caretBefore(ministry, "lsg-a2", "հանրային քննարկման");
    await ministry.keyboard.press("ArrowRight");
    await ministry.keyboard.press("ArrowRight");
    await ministry.keyboard.press("Alt+Enter");
    await expect.poll(() => focusedThreadId(ministry)).toBe(crossing.id);
    await expect.poll(() => card.getAttribute("class")).toContain("is-active");
    await ministry.keyboard.press("Tab");
    await ministry.keyboard.press("Escape");
    await expect
      .poll(() => ministry.evaluate(() => document.activeElement?.classList.contains("ProseMirror") ?? false))
      .toBe(true);
    // Alt+Enter did not change the text.
    expect(await ministry.locator(`section[data-id="lsg-a2"]`).textContent()).toContain(
      "հանրային քննարկման, որի ընթացքում՝",
    );

    // Enter inside the passage splits its paragraph: the whole passage stays highlighted, for both.
    await caretBefore(ministry, "lsg-a2", "քննարկման");
    await ministry.keyboard.press("Enter");
    for (const page of [ministry, partner]) {
      await expect
        .poll(() => page.locator(`.comment-highlight[data-thread-id="${crossing.id}"]`).allTextContents(), {
          timeout: 5000,
        })
        .toEqual(["հանրային ", "քննարկման, որի ընթացքում՝", "բնակիչները կարող են"]);
      expect(await page.getByTestId("thread").locator(".badge.warning").count()).toBe(0);
    }
  });
});
