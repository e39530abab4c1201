import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { COLLAB_PATH } from "~/editor/collab-protocol";
import { DOCUMENT_FIELD } from "~/editor/document-field";
import { addSuggestion } from "~/editor/suggestions";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, openDraft, signedInPage } from "../helpers/browser";
import { connectClient, sessionCookieFor, waitForSync } from "../helpers/collab";

/** A change imported from a Word file: those who decide see Word's author and date next to the uploader's name. */
const running = appAndBrowserForThisFile();

function firstText(parent: Y.XmlFragment | Y.XmlElement): Y.XmlText | null {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText && child.length > 0) return child;
    const found = child instanceof Y.XmlElement ? firstText(child) : null;
    if (found) return found;
  }
  return null;
}

describe("Word's author and date of an imported change", () => {
  it("are on the suggestion's card and, once decided, in the draft's history (in the reader's language, Armenian here)", async () => {
    // Its own words on each attempt: a retry finds the first attempt's suggestion still there.
    const words = `Word's words ${Date.now().toString(36)}`;
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const anahit = await db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } });
    // The uploader (the suggester of record) and what Word recorded, as the import writes them.
    const client = connectClient(
      { url: running.app.url.replace(/^http/, "ws") + COLLAB_PATH, origin: running.app.origin },
      draft.id,
      await sessionCookieFor(anahit.id),
    );
    await waitForSync(client);
    const text = firstText(client.doc.getXmlFragment(DOCUMENT_FIELD))!;
    addSuggestion(client.doc, {
      author: { id: anahit.id, name: anahit.name },
      text,
      from: 0,
      to: 0,
      insert: `${words} `,
      articleId: null,
      source: { kind: "word", author: "Aram Petrosyan", date: "2026-11-20T10:00:00Z" },
    });
    await expect.poll(() => client.saved()).toBe(true);
    client.destroy();

    const ministry = await signedInPage(running, "anahit@mta.example");
    await openDraft(running, ministry, draft.id);
    const toggle = ministry.getByTestId("toggle-suggestions");
    if (await toggle.isVisible()) await toggle.click();
    const card = ministry.getByTestId("suggestion-card").filter({ hasText: words });
    await expect
      .poll(() => card.getByTestId("suggestion-from-word").textContent())
      .toMatch(/^Word ֆայլից՝ Aram Petrosyan, .*2026/);
    expect(await card.textContent()).toContain(anahit.name);
    await card.getByTestId("reject-suggestion").click();
    await ministry.getByTestId("confirm-reject").click();
    await expect.poll(() => ministry.getByTestId("suggestion-card").filter({ hasText: words }).count()).toBe(0);

    const timelineEntry = () => ministry.getByTestId("timeline-suggestion").filter({ hasText: words });
    await expect
      .poll(async () => {
        await ministry.goto(`${running.app.url}/drafts/${draft.id}/timeline`);
        return timelineEntry().getByTestId("timeline-from-word").allTextContents();
      })
      .toEqual([expect.stringMatching(/^Word ֆայլից՝ Aram Petrosyan, .*2026/)]);
    expect(await timelineEntry().textContent()).toContain(anahit.name);
  });
});
