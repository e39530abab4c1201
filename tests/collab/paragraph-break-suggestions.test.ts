import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { backspaceInBreak, breakAgain, suggestParagraphBreak, typeIntoBreak } from "~/editor/paragraph-break";
import { acceptSuggestion, listSuggestions, rejectSuggestion, resolveSuggestion } from "~/editor/suggestions";
import { loadDocument } from "~/models/documents/document-log.server";
import { listSuggestionOutcomes } from "~/models/suggestions/suggestion-outcomes.server";
import { fragmentText, typeParagraph, type TestClient } from "../helpers/collab";
import { collabServerForFile } from "../helpers/collab-test-server";
import { editorAndTwoSuggesters } from "../helpers/suggesting-clients";

/**
 * Enter while suggesting: a new paragraph, or a split of one, proposed as an entry of the
 * suggestions map, through the real collab server with real Yjs clients. The text changes only
 * when an editor accepts; a suggester's update that breaks the paragraph for real is refused.
 */
const collab = collabServerForFile();
const { server } = collab;

const FIRST = "Local budgets are approved by the council.";
const SECOND = "The council meets monthly.";

const threeClients = () => editorAndTwoSuggesters(collab, [FIRST, SECOND]);

const paragraph = (client: TestClient, index: number) =>
  client.doc.getXmlFragment("default").get(index) as Y.XmlElement;

const suggesterConnections = (userId: string) =>
  [...server.collab.connections].filter((c) => c.identity.userId === userId && c.access === "suggest");

async function storedText(draftId: string) {
  const { doc } = await loadDocument(draftId);
  return { text: fragmentText(doc), suggestions: listSuggestions(doc) };
}

describe("Enter while suggesting", () => {
  it("proposes a new paragraph at the end and a split inside one; the text changes only when an editor accepts", async () => {
    const { draft, staff, editor, first, second, lilit, aram } = await threeClients();
    // Lilit presses Enter at the end of the second paragraph and types; Enter again, more words.
    let added = suggestParagraphBreak(first.doc, { author: lilit, block: paragraph(first, 1), at: SECOND.length })!;
    expect(added.kind).toBe("insert-node");
    for (const letter of "It may") added = typeIntoBreak(first.doc, added, letter)!;
    added = typeIntoBreak(first.doc, added, " meet weekly.")!;
    added = breakAgain(first.doc, added)!;
    added = typeIntoBreak(first.doc, added, "Its sittings are public.")!;
    // Aram presses Enter inside the first paragraph, before "by the council.", and types nothing.
    const at = FIRST.indexOf("by the council.");
    const split = suggestParagraphBreak(second.doc, { author: aram, block: paragraph(second, 0), at })!;
    expect(split).toMatchObject({ kind: "split", quote: "by the council.", text: "by the council." });

    await expect.poll(() => listSuggestions(editor.doc).length).toBe(2);
    await expect.poll(() => first.saved() && second.saved()).toBe(true);
    // One entry each (typing grew it in place), nothing refused, the accepted text as it was.
    expect(suggesterConnections(lilit.id).map((c) => c.droppedUpdates)).toEqual([0]);
    expect(suggesterConnections(aram.id).map((c) => c.droppedUpdates)).toEqual([0]);
    const during = await storedText(draft.id);
    expect(during.text).toBe(`${FIRST}\n${SECOND}`);
    expect(during.suggestions.find((s) => s.id === added.id)?.node?.paragraphs).toEqual([
      "It may meet weekly.",
      "Its sittings are public.",
    ]);
    for (const s of listSuggestions(editor.doc)) expect(resolveSuggestion(editor.doc, s).node).not.toBeNull();

    expect(acceptSuggestion(editor.doc, split.id)).toBe(true);
    expect(acceptSuggestion(editor.doc, added.id)).toBe(true);
    const after = [
      "Local budgets are approved ",
      "by the council.",
      SECOND,
      "It may meet weekly.",
      "Its sittings are public.",
    ].join("\n");
    await expect.poll(() => fragmentText(first.doc)).toBe(after);
    await expect.poll(() => editor.saved()).toBe(true);
    expect((await storedText(draft.id)).text).toBe(after);
    await expect.poll(async () => (await listSuggestionOutcomes(draft.id)).length).toBe(2);
    for (const outcome of await listSuggestionOutcomes(draft.id))
      expect(outcome).toMatchObject({ outcome: "ACCEPTED", deciderId: staff.id, landedStart: expect.any(String) });
  });

  it("withdraws the break when its author presses Backspace at the start of the new paragraph", async () => {
    const { draft, editor, first, lilit } = await threeClients();
    let split = suggestParagraphBreak(first.doc, { author: lilit, block: paragraph(first, 0), at: 6 })!;
    split = typeIntoBreak(first.doc, split, "x")!;
    await expect.poll(() => listSuggestions(editor.doc).map((s) => s.node?.paragraphs)).toEqual([["x"]]);
    split = backspaceInBreak(first.doc, split)!; // the letter
    expect(split.node?.paragraphs).toEqual([""]);
    expect(backspaceInBreak(first.doc, split)).toBeNull(); // the break itself
    await expect.poll(() => listSuggestions(editor.doc)).toEqual([]);
    await expect
      .poll(async () => (await listSuggestionOutcomes(draft.id)).map((o) => [o.outcome, o.kind]))
      .toEqual([["WITHDRAWN", "split"]]);
    expect(fragmentText(editor.doc)).toBe(`${FIRST}\n${SECOND}`);
  });

  it("shows a split as no longer applicable once an editor changed the words it moves; rejecting keeps the text", async () => {
    const { editor, first, lilit } = await threeClients();
    const at = FIRST.indexOf("council");
    const split = suggestParagraphBreak(first.doc, { author: lilit, block: paragraph(first, 0), at })!;
    await expect.poll(() => listSuggestions(editor.doc).length).toBe(1);
    (paragraph(editor, 0).get(0) as Y.XmlText).insert(FIRST.indexOf("."), " of the community");
    expect(resolveSuggestion(editor.doc, split).node).toBeNull();
    expect(acceptSuggestion(editor.doc, split.id)).toBe(false);
    expect(rejectSuggestion(editor.doc, split.id, null)).toBe(true);
    await expect.poll(() => fragmentText(first.doc)).toBe(`${FIRST.replace(".", " of the community.")}\n${SECOND}`);
  });

  it("refuses a suggester's forged paragraph break: the text split for real, even beside an honest entry", async () => {
    const { draft, editor, first, second, lilit } = await threeClients();
    // An honest-looking entry and a real split of the accepted text, in one update: the whole update is refused.
    first.doc.transact(() => {
      suggestParagraphBreak(first.doc, { author: lilit, block: paragraph(first, 0), at: 6 });
      const text = paragraph(first, 0).get(0) as Y.XmlText;
      const tail = text.toString().slice(6);
      text.delete(6, tail.length);
      const moved = new Y.XmlElement("paragraph");
      moved.insert(0, [new Y.XmlText(tail)]);
      first.doc.getXmlFragment("default").insert(1, [moved]);
    });
    // An honest change from the editor afterwards shows the server handled the forged one first.
    typeParagraph(editor, "later official text");
    await expect.poll(() => fragmentText(second.doc)).toContain("later official text");
    await expect.poll(() => editor.saved()).toBe(true);
    const expected = `${FIRST}\n${SECOND}\nlater official text`;
    expect(fragmentText(editor.doc)).toBe(expected);
    expect(fragmentText(second.doc)).toBe(expected);
    expect(listSuggestions(editor.doc)).toEqual([]);
    expect(await storedText(draft.id)).toEqual({ text: expected, suggestions: [] });
    expect(droppedOf(lilit.id)).toBeGreaterThan(0);
  });
});

/** Updates refused from this person's open connections. */
function droppedOf(userId: string): number {
  return suggesterConnections(userId).reduce((sum, c) => sum + c.droppedUpdates, 0);
}
