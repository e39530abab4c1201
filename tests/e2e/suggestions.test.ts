import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { listSuggestionOutcomes } from "~/models/suggestions/suggestion-outcomes.server";
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
  });
});
