import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  acceptSuggestion,
  addSuggestion,
  listSuggestions,
  rejectSuggestion,
  resolveSuggestion,
  reviseSuggestion,
  suggestNodeInsertion,
  suggestNodeRemoval,
  suggestionsOf,
  withdrawSuggestion,
} from "~/editor/suggestions";
import { outlineOf } from "~/editor/outline";
import { DOCUMENT_FIELD } from "~/editor/document-field";
import { actToDocx } from "~/exports/act/act-docx.server";
import { actSourceOf } from "~/exports/act/act-source.server";
import { withTrackedChanges } from "~/exports/act/docx-tracked-changes.server";
import { createDraft } from "~/models/drafts/drafts.server";
import { ImportError } from "~/models/drafts/import-error.server";
import { importWordSuggestions } from "~/models/suggestions/word-import.server";
import { clearRateLimits, RateLimitedError } from "~/utils/rate-limit.server";
import { draft as fixtureDraft, original } from "../exports/legal-fixture";
import { yDocToJSON } from "~/editor/yjs-document";
import { loadDocument } from "~/models/documents/document-log.server";
import { createVersion } from "~/models/documents/versions.server";
import { draftTimeline } from "~/models/drafts/timeline.server";
import { listSuggestionOutcomes } from "~/models/suggestions/suggestion-outcomes.server";
import { db } from "~/utils/db.server";
import { shareDraft } from "~/models/drafts/drafts.server";
import { fragmentText, sessionCookieFor, typeParagraph, waitForSync, type TestClient } from "../helpers/collab";
import { collabServerForFile } from "../helpers/collab-test-server";
import { editorAndTwoSuggesters } from "../helpers/suggesting-clients";

const collab = collabServerForFile();
const { server, connect } = collab;

const SENTENCE = "Local budgets are approved by the council.";

/** A ministry editor and two NGO experts with the suggest level, on one sentence. */
const threeClients = () => editorAndTwoSuggesters(collab, [SENTENCE]);

/** The first paragraph's text in this client's copy. */
function paragraphText(client: TestClient): Y.XmlText {
  const paragraph = client.doc.getXmlFragment("default").get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

function suggest(client: TestClient, author: { id: string; name: string }, find: string, insert: string) {
  const text = paragraphText(client);
  const from = text.toString().indexOf(find);
  return addSuggestion(client.doc, { author, text, from, to: from + find.length, insert, articleId: null });
}

async function stored(draftId: string) {
  const { doc } = await loadDocument(draftId);
  return { text: fragmentText(doc), suggestions: listSuggestions(doc) };
}

const suggesterConnection = (userId: string) =>
  [...server.collab.connections].find((c) => c.identity.userId === userId && c.access === "suggest");

describe("suggestions through the collab server", () => {
  it("lets a suggester add and withdraw its own suggestions, kept beside the accepted text", async () => {
    const { draft, editor, first, lilit } = await threeClients();
    const mine = suggest(first, lilit, "council", "community council");
    await expect.poll(() => listSuggestions(editor.doc).map((s) => s.id)).toEqual([mine.id]);
    await expect.poll(() => first.saved()).toBe(true);
    const afterAdding = await stored(draft.id);
    expect(afterAdding.suggestions.map((s) => s.text)).toEqual(["community council"]);
    expect(afterAdding.text).toBe("Local budgets are approved by the council.");
    expect(suggesterConnection(lilit.id)?.droppedUpdates).toBe(0);

    withdrawSuggestion(first.doc, mine.id);
    await expect.poll(() => listSuggestions(editor.doc)).toEqual([]);
    await expect.poll(async () => (await stored(draft.id)).suggestions).toEqual([]);
    await expect
      .poll(async () => (await listSuggestionOutcomes(draft.id)).map((o) => [o.outcome, o.deciderId, o.authorId]))
      .toEqual([["WITHDRAWN", lilit.id, lilit.id]]);
  });

  it("grows one entry while its author types a run, and refuses another person's revision of it", async () => {
    const { draft, editor, first, second, lilit, aram } = await threeClients();
    const text = paragraphText(first);
    const at = text.toString().indexOf("council");
    let entry = addSuggestion(first.doc, { author: lilit, text, from: at, to: at, insert: "c", articleId: null });
    for (const typed of ["co", "com", "comm", "community "])
      entry = reviseSuggestion(first.doc, entry, { text, from: at, to: at, insert: typed })!;
    await expect.poll(() => listSuggestions(editor.doc).map((s) => s.text)).toEqual(["community "]);
    expect(listSuggestions(editor.doc)[0]).toMatchObject({ id: entry.id, kind: "insert" });

    // Aram revises Lilit's entry the same way her browser does: refused, hers stays as she typed it.
    reviseSuggestion(second.doc, listSuggestions(second.doc)[0]!, {
      text: paragraphText(second),
      from: 0,
      to: 5,
      insert: "X",
    });
    suggest(editor, { id: "staff-marker", name: "Staff" }, "budgets", "budget plans");
    await expect.poll(() => listSuggestions(first.doc).length).toBe(2);
    await expect.poll(() => editor.saved()).toBe(true);
    const kept = (await stored(draft.id)).suggestions.find((s) => s.id === entry.id);
    expect(kept).toMatchObject({ text: "community ", quote: "", authorId: lilit.id });
    expect(suggesterConnection(lilit.id)?.droppedUpdates).toBe(0);
    expect(suggesterConnection(aram.id)?.droppedUpdates).toBeGreaterThan(0);
    // Revising is not an outcome: nothing left the map.
    expect(await listSuggestionOutcomes(draft.id)).toEqual([]);

    expect(acceptSuggestion(editor.doc, entry.id)).toBe(true);
    await expect.poll(() => first.text()).toBe("Local budgets are approved by the community council.");
  });

  it("refuses a suggester writing with an editor's Yjs client id, so the editor's next change still counts", async () => {
    const { draft, editor, first, second, lilit } = await threeClients();
    // Lilit's browser takes the editor's client id: her next item would take the editor's next clock.
    const own = first.doc.clientID;
    first.doc.clientID = editor.doc.clientID;
    const forged = suggest(first, lilit, "council", "community council");
    first.doc.clientID = own; // its presence (awareness) goes on under its own id
    typeParagraph(editor, "The editor's next paragraph.");
    await expect.poll(() => second.text()).toContain("The editor's next paragraph.");
    await expect.poll(() => editor.saved()).toBe(true);
    expect(listSuggestions(editor.doc).map((s) => s.id)).not.toContain(forged.id);
    expect((await stored(draft.id)).text).toContain("The editor's next paragraph.");
    expect(suggesterConnection(lilit.id)?.droppedUpdates).toBeGreaterThan(0);
  });

  it("keeps pending suggestions out of a version, its text and its SHA-256", async () => {
    const { draft, staff, editor, first, lilit } = await threeClients();
    await expect.poll(() => editor.saved()).toBe(true);
    const before = await createVersion(staff.id, draft.id, "before suggestions");
    suggest(first, lilit, "council", "community council");
    await expect.poll(async () => (await stored(draft.id)).suggestions.length).toBe(1);
    const during = await createVersion(staff.id, draft.id, "with a pending suggestion");
    expect(during.plainText).toBe(before.plainText);
    expect(during.plainText).not.toContain("community");
    expect(during.sha256).toBe(before.sha256);
    expect(JSON.stringify(during.content)).toBe(JSON.stringify(before.content));
  });

  it("refuses a suggester's forged change of the accepted text: not applied, not broadcast, not stored", async () => {
    const { draft, editor, first, second, lilit } = await threeClients();
    // The suggester's own copy changes (its browser switch is not trusted); the server refuses the update.
    paragraphText(first).insert(0, "FORGED ");
    typeParagraph(first, "forged article");
    // An honest change from the editor afterwards shows the server handled the forged one first.
    typeParagraph(editor, "later official text");
    await expect.poll(() => second.text()).toContain("later official text");
    await expect.poll(() => editor.saved()).toBe(true);
    expect(editor.text()).not.toContain("FORGED");
    expect(second.text()).not.toMatch(/forged/i);
    expect((await stored(draft.id)).text).not.toMatch(/forged/i);
    expect(suggesterConnection(lilit.id)?.droppedUpdates).toBeGreaterThan(0);
  });

  it("refuses a suggester's update that withdraws or rewrites another person's suggestion", async () => {
    const { draft, editor, first, second, lilit, aram } = await threeClients();
    const lilits = suggest(first, lilit, "council", "community council");
    await expect.poll(() => listSuggestions(second.doc).length).toBe(1);

    withdrawSuggestion(second.doc, lilits.id); // Aram deletes Lilit's suggestion
    suggestionsOf(second.doc).set(lilits.id, { ...lilits, text: "mayor" }); // and rewrites it under her key
    suggestionsOf(second.doc).set(`${aram.id}:x`, { ...lilits, id: `${aram.id}:x` }); // one in her name
    const aramsOwn = suggest(second, aram, "Local", "Municipal"); // parked behind the refused ones

    suggest(editor, { id: "staff-marker", name: "Staff" }, "budgets", "budget plans");
    await expect.poll(() => listSuggestions(first.doc).length).toBe(2);
    await expect.poll(() => editor.saved()).toBe(true);
    const texts = (await stored(draft.id)).suggestions.map((s) => s.text).sort();
    expect(texts).toEqual(["budget plans", "community council"]);
    expect(listSuggestions(editor.doc).find((s) => s.id === aramsOwn.id)).toBeUndefined();
    expect(suggesterConnection(aram.id)?.droppedUpdates).toBeGreaterThan(0);
  });

  it("accepts one suggestion while another person keeps suggesting; overlapping ones stay independent", async () => {
    const { draft, staff, editor, first, second, lilit, aram } = await threeClients();
    const replace = suggest(first, lilit, "the council", "the community council");
    const overlapping = suggest(second, aram, "approved by the council", "adopted by the assembly");
    await expect.poll(() => listSuggestions(editor.doc).length).toBe(2);

    expect(acceptSuggestion(editor.doc, replace.id)).toBe(true);
    const later = suggest(second, aram, "Local", "Municipal"); // Aram goes on meanwhile
    await expect.poll(() => first.text()).toBe("Local budgets are approved by the community council.");
    await expect
      .poll(() =>
        listSuggestions(editor.doc)
          .map((s) => s.id)
          .sort(),
      )
      .toEqual([overlapping.id, later.id].sort());

    // The overlapping one quoted words the accepted one changed: no longer applicable, only rejectable.
    expect(
      resolveSuggestion(editor.doc, listSuggestions(editor.doc).find((s) => s.id === overlapping.id)!).place,
    ).toBeNull();
    expect(acceptSuggestion(editor.doc, overlapping.id)).toBe(false);
    expect(acceptSuggestion(editor.doc, later.id)).toBe(true);
    expect(rejectSuggestion(editor.doc, overlapping.id, "The council keeps its name.")).toBe(true);
    await expect.poll(() => second.text()).toBe("Municipal budgets are approved by the community council.");
    await expect.poll(() => editor.saved()).toBe(true);
    const after = await stored(draft.id);
    expect(after.text).toBe("Municipal budgets are approved by the community council.");
    expect(after.suggestions).toEqual([]);

    // Each outcome is on record with its decider (the editor's connection) and audited.
    await expect.poll(async () => (await listSuggestionOutcomes(draft.id)).length).toBe(3);
    const outcomes = await listSuggestionOutcomes(draft.id);
    const byId = (id: string) => outcomes.find((o) => o.suggestionId === id)!;
    expect(byId(replace.id)).toMatchObject({
      outcome: "ACCEPTED",
      deciderId: staff.id,
      authorId: lilit.id,
      reason: null,
    });
    expect(byId(later.id)).toMatchObject({ outcome: "ACCEPTED", deciderId: staff.id, authorId: aram.id });
    expect(byId(overlapping.id)).toMatchObject({
      outcome: "REJECTED",
      deciderId: staff.id,
      reason: "The council keeps its name.",
      quote: "approved by the council",
    });
    const events = await db().auditEvent.findMany({
      where: { objectId: draft.id, action: { startsWith: "suggestion." } },
    });
    expect(events.map((e) => e.action).sort()).toEqual(["suggestion.accept", "suggestion.accept", "suggestion.reject"]);
    expect(events.every((e) => e.actorId === staff.id)).toBe(true);

    // The draft's history shows each outcome with its author, decider, words and reason.
    const history = await draftTimeline(draft.id, { page: 1, skip: 0, take: 50, query: "" }, new Set());
    const rejected = history.items.find((i) => i.action === "suggestion.reject");
    expect(rejected).toMatchObject({
      actor: "Անահիտ",
      suggestion: { authorName: "Արամ", reason: "The council keeps its name." },
    });
    expect(
      history.items
        .filter((i) => i.action === "suggestion.accept")
        .map((i) => i.suggestion?.text)
        .sort(),
    ).toEqual(["Municipal", "the community council"]);

    // Each links to where it landed: the accepted words in the text, the rejected one's words are gone.
    const now = (id: string) => history.items.find((i) => i.suggestion?.suggestionId === id)?.suggestion?.now;
    expect([now(replace.id), now(later.id), now(overlapping.id)]).toEqual([
      { articleId: null },
      { articleId: null },
      "gone",
    ]);
    const text = paragraphText(editor);
    text.delete(0, "Municipal ".length); // an editor later deletes the accepted word
    const nowInHistory = async (id: string) =>
      (await draftTimeline(draft.id, { page: 1, skip: 0, take: 50, query: "" }, new Set())).items.find(
        (i) => i.suggestion?.suggestionId === id,
      )?.suggestion?.now;
    await expect.poll(() => nowInHistory(later.id)).toBe("gone");
    expect(await nowInHistory(replace.id)).toEqual({ articleId: null });
  });

  it("marks a suggestion whose words an editor deleted meanwhile as no longer applicable", async () => {
    const { editor, first, lilit } = await threeClients();
    const mine = suggest(first, lilit, "by the council", "by the assembly");
    const text0 = paragraphText(first);
    const at = text0.toString().indexOf("approved");
    const insertion = addSuggestion(first.doc, {
      author: lilit,
      text: text0,
      from: at,
      to: at,
      insert: "finally ",
      articleId: null,
    });
    await expect.poll(() => listSuggestions(editor.doc).length).toBe(2);
    const text = paragraphText(editor);
    text.delete(text.toString().indexOf(" by the council"), " by the council".length);
    await expect.poll(() => first.text()).toBe("Local budgets are approved.");
    const inFirst = (id: string) => resolveSuggestion(first.doc, listSuggestions(first.doc).find((s) => s.id === id)!);
    expect(inFirst(mine.id).place).toBeNull();
    expect(inFirst(insertion.id).place).not.toBeNull();
  });

  describe("whole articles, parts and points", () => {
    const element = (name: string, id: string | null, children: (Y.XmlElement | Y.XmlText)[]) => {
      const node = new Y.XmlElement(name);
      if (id) node.setAttribute("id", id);
      node.insert(0, children);
      return node;
    };
    const paragraph = (words: string) => element("paragraph", null, [new Y.XmlText(words)]);
    const article = (id: string, title: string, words: string[]) =>
      element("article", id, [
        element("articleTitle", null, [new Y.XmlText(title)]),
        element(
          "part",
          `${id}-p1`,
          words.map((w, i) => (i === 0 ? paragraph(w) : element("point", `${id}-pt${i}`, [paragraph(w)]))),
        ),
      ]);

    /** The three clients with a two-article act: article 1 has a part with two points. */
    async function act() {
      const clients = await threeClients();
      const fragment = clients.editor.doc.getXmlFragment("default");
      clients.editor.doc.transact(() => {
        fragment.delete(0, fragment.length);
        fragment.insert(0, [
          article("a1", "Budgets", ["Budgets are approved:", "by the council;", "after a hearing."]),
          article("a2", "Audits", ["Audits are yearly."]),
        ]);
      });
      await expect.poll(() => outlineOf(yDocToJSON(clients.first.doc)).map((e) => e.id)).toEqual(["a1", "a2"]);
      return clients;
    }
    const elementById = (doc: Y.Doc, id: string): Y.XmlElement => {
      const walk = (parent: Y.XmlFragment | Y.XmlElement): Y.XmlElement | null => {
        for (const child of parent.toArray()) {
          if (!(child instanceof Y.XmlElement)) continue;
          if (child.getAttribute("id") === id) return child;
          const found = walk(child);
          if (found) return found;
        }
        return null;
      };
      return walk(doc.getXmlFragment("default"))!;
    };
    const outline = (client: TestClient) => outlineOf(yDocToJSON(client.doc)).map((e) => `${e.number}:${e.id}`);

    it("a suggester suggests removing an article and adding a point and an article; the text and numbering stay until decided", async () => {
      const { draft, staff, editor, first, second, lilit, aram } = await act();
      await expect.poll(() => editor.saved()).toBe(true);
      const before = await createVersion(staff.id, draft.id, "before structural suggestions");

      const removal = suggestNodeRemoval(first.doc, { author: lilit, element: elementById(first.doc, "a2") })!;
      const part = elementById(first.doc, "a1-p1");
      const point = suggestNodeInsertion(first.doc, {
        author: lilit,
        parent: part,
        index: part.length,
        type: "point",
        title: "",
        paragraphs: ["after publishing the draft budget."],
        nodeId: "new-point",
      })!;
      const newArticle = suggestNodeInsertion(second.doc, {
        author: aram,
        parent: second.doc.getXmlFragment("default"),
        index: 1,
        type: "article",
        title: "Publication",
        paragraphs: ["Budgets are published online."],
        nodeId: "new-article",
      })!;
      expect([removal.kind, point.kind, newArticle.kind]).toEqual(["remove-node", "insert-node", "insert-node"]);
      await expect.poll(() => listSuggestions(editor.doc).length).toBe(3);
      await expect.poll(() => first.saved() && second.saved()).toBe(true);
      // The server took them as suggestions: nothing refused, the accepted text and outline unchanged.
      expect(suggesterConnection(lilit.id)?.droppedUpdates).toBe(0);
      expect(suggesterConnection(aram.id)?.droppedUpdates).toBe(0);
      expect(outline(editor)).toEqual(["1:a1", "2:a2"]);
      const during = await createVersion(staff.id, draft.id, "with pending structural suggestions");
      expect(during.sha256).toBe(before.sha256);
      expect(during.plainText).not.toContain("Publication");
      expect((await stored(draft.id)).suggestions.map((s) => s.kind).sort()).toEqual([
        "insert-node",
        "insert-node",
        "remove-node",
      ]);
      for (const s of listSuggestions(editor.doc)) expect(resolveSuggestion(editor.doc, s).node).not.toBeNull();

      // Accepting the removal removes the article; the point lands in its part; the article insertion is rejected.
      expect(acceptSuggestion(editor.doc, removal.id)).toBe(true);
      expect(acceptSuggestion(editor.doc, point.id)).toBe(true);
      expect(rejectSuggestion(editor.doc, newArticle.id, "One article on budgets is enough.")).toBe(true);
      await expect.poll(() => outline(second)).toEqual(["1:a1"]);
      await expect.poll(() => elementById(first.doc, "new-point")?.toArray().length).toBe(1);
      expect(fragmentText(first.doc)).not.toContain("Publication");
      await expect.poll(() => editor.saved()).toBe(true);
      const after = await stored(draft.id);
      expect(after.suggestions).toEqual([]);
      const { doc } = await loadDocument(draft.id);
      expect(outlineOf(yDocToJSON(doc)).map((e) => e.id)).toEqual(["a1"]);
      expect(JSON.stringify(yDocToJSON(doc))).toContain("after publishing the draft budget.");

      await expect.poll(async () => (await listSuggestionOutcomes(draft.id)).length).toBe(3);
      const outcomes = await listSuggestionOutcomes(draft.id);
      const byId = (id: string) => outcomes.find((o) => o.suggestionId === id)!;
      expect(byId(removal.id)).toMatchObject({ outcome: "ACCEPTED", kind: "remove-node", deciderId: staff.id });
      expect(byId(point.id)).toMatchObject({
        outcome: "ACCEPTED",
        kind: "insert-node",
        landedStart: expect.any(String),
      });
      expect(byId(newArticle.id)).toMatchObject({
        outcome: "REJECTED",
        kind: "insert-node",
        reason: "One article on budgets is enough.",
        text: "Publication Budgets are published online.",
      });
    });

    it("refuses a suggester's forged change of the accepted structure: an article removed or added directly", async () => {
      const { draft, editor, first, second, lilit } = await act();
      const fragment = first.doc.getXmlFragment("default");
      fragment.delete(1, 1); // article 2, gone from the suggester's copy
      fragment.insert(0, [article("forged", "Forged", ["Forged words."])]);
      elementById(first.doc, "a1-p1").delete(1, 1); // and a point
      typeParagraph(editor, "later official text");
      await expect.poll(() => second.text()).toContain("later official text");
      await expect.poll(() => editor.saved()).toBe(true);
      expect(outline(editor)).toEqual(["1:a1", "2:a2"]);
      expect(outline(second)).toEqual(["1:a1", "2:a2"]);
      const { doc } = await loadDocument(draft.id);
      expect(outlineOf(yDocToJSON(doc)).map((e) => e.id)).toEqual(["a1", "a2"]);
      expect(JSON.stringify(yDocToJSON(doc))).toContain("by the council;");
      expect(suggesterConnection(lilit.id)?.droppedUpdates).toBeGreaterThan(0);
    });

    it("a removal whose article an editor removed meanwhile is no longer applicable", async () => {
      const { editor, first, lilit } = await act();
      const removal = suggestNodeRemoval(first.doc, { author: lilit, element: elementById(first.doc, "a2") })!;
      await expect.poll(() => listSuggestions(editor.doc).length).toBe(1);
      editor.doc.getXmlFragment("default").delete(1, 1);
      await expect.poll(() => outline(first)).toEqual(["1:a1"]);
      expect(resolveSuggestion(first.doc, listSuggestions(first.doc)[0]!).node).toBeNull();
      expect(acceptSuggestion(editor.doc, removal.id)).toBe(false);
    });
  });

  describe("a Word file with tracked changes imported into a draft", () => {
    function textContaining(parent: Y.XmlFragment | Y.XmlElement, words: string): Y.XmlText | null {
      for (const child of parent.toArray()) {
        if (child instanceof Y.XmlText && child.toString().includes(words)) return child;
        if (child instanceof Y.XmlElement) {
          const found = textContaining(child, words);
          if (found) return found;
        }
      }
      return null;
    }
    /** What a suggestion proposes, independent of the document's Yjs items: where, what, instead of what. */
    const proposal = (doc: Y.Doc, s: ReturnType<typeof listSuggestions>[number]) => {
      const { place } = resolveSuggestion(doc, s);
      return { kind: s.kind, text: s.text, quote: s.quote, paragraph: place?.text.toString(), from: place?.from };
    };

    /** Two drafts with the same text; the first has Aram's pending suggestions, exported with tracked changes. */
    async function exportedReview() {
      const clients = await threeClients();
      const { staff, draft, aram } = clients;
      const input = {
        titleHy: "Փորձնական",
        titleRu: null,
        titleKa: null,
        titleEn: null,
        kind: "LAW_AMENDMENT" as const,
      };
      const ownerOrganizationId = draft.ownerOrganizationId;
      const [reviewed, fresh] = [
        await createDraft(staff.id, { ...input, ownerOrganizationId }, original),
        await createDraft(staff.id, { ...input, ownerOrganizationId }, original),
      ];
      const ngo = await db().draftAccess.findFirstOrThrow({ where: { draftId: draft.id } });
      await shareDraft(staff.id, fresh.id, { organizationId: ngo.organizationId! }, "SUGGEST");
      const { doc } = await loadDocument(reviewed.id);
      const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
      const part = textContaining(fragment, "12-րդ կետով")!;
      const at = part.toString().indexOf("12-րդ");
      addSuggestion(doc, { author: aram, text: part, from: at, to: at + 2, insert: "13", articleId: "a1" });
      const point = textContaining(fragment, "հրապարակում է")!;
      addSuggestion(doc, { author: aram, text: point, from: 0, to: 0, insert: "պաշտոնական կայքում ", articleId: "a1" });
      const title = textContaining(fragment, "ძალაში შესვლა")!;
      addSuggestion(doc, { author: aram, text: title, from: 0, to: 6, insert: "", articleId: "a3" });
      const expected = listSuggestions(doc).map((s) => proposal(doc, s));
      const source = actSourceOf({ draft: fixtureDraft, version: null, doc: original, locale: "en" });
      const file = await actToDocx(source, [], withTrackedChanges(doc));
      return { ...clients, fresh, file, expected };
    }

    it("round trip: the export's tracked changes become the same suggestions in a fresh copy, by the uploader, live", async () => {
      const { fresh, file, expected, lilit, aram, staff } = await exportedReview();
      await clearRateLimits();
      const watching = connect(server, fresh.id, await sessionCookieFor(staff.id));
      await waitForSync(watching);
      const result = await importWordSuggestions({
        draftId: fresh.id,
        person: { id: lilit.id, name: lilit.name },
        clientAddress: "127.0.0.1",
        fileName: "review.docx",
        data: Buffer.from(file),
        endpoint: {
          url: server.origin.replace("http", "ws"),
          headers: { Cookie: await sessionCookieFor(lilit.id), Origin: server.origin },
        },
      });
      expect(result.unmatched).toEqual([]);
      expect(result.created).toHaveLength(3);
      // An editor connected meanwhile sees them without reloading; the store holds them too.
      await expect.poll(() => listSuggestions(watching.doc).length).toBe(3);
      const sorted = (list: ReturnType<typeof proposal>[]) =>
        [...list].sort((a, b) => `${a.paragraph}${a.from}`.localeCompare(`${b.paragraph}${b.from}`));
      expect(sorted(listSuggestions(watching.doc).map((s) => proposal(watching.doc, s)))).toEqual(sorted(expected));
      const storedNow = (await stored(fresh.id)).suggestions;
      expect(storedNow).toHaveLength(3);
      // The uploader is the suggester of record; the name Word recorded is kept as the source.
      for (const s of storedNow) {
        expect(s.authorId).toBe(lilit.id);
        expect(s.source).toMatchObject({ kind: "word", author: aram.name });
      }
      // Suggestions only: the accepted text is still the original's.
      const text = (await stored(fresh.id)).text;
      expect(text).toContain("12-րդ կետով");
      expect(text).not.toContain("պաշտոնական կայքում");

      // Those who decide see Word's author and date beside the uploader, in the record and the history.
      const [first, second] = listSuggestions(watching.doc);
      expect(acceptSuggestion(watching.doc, first!.id)).toBe(true);
      expect(rejectSuggestion(watching.doc, second!.id, "Not now.")).toBe(true);
      await expect.poll(async () => (await listSuggestionOutcomes(fresh.id)).length).toBe(2);
      for (const outcome of await listSuggestionOutcomes(fresh.id)) {
        expect(outcome).toMatchObject({ authorId: lilit.id, sourceAuthor: aram.name });
        expect(Number.isNaN(Date.parse(outcome.sourceDate ?? ""))).toBe(false);
      }
      const history = await draftTimeline(fresh.id, { page: 1, skip: 0, take: 50, query: "" }, new Set());
      const decided = history.items.flatMap((item) => (item.suggestion ? [item.suggestion] : []));
      expect(decided.map((s) => [s.authorName, s.sourceAuthor])).toEqual([
        [lilit.name, aram.name],
        [lilit.name, aram.name],
      ]);
    });

    it("reports the paragraphs it cannot match, and refuses a file that is not a DOCX or too large", async () => {
      const { fresh, file, lilit, staff } = await exportedReview();
      await clearRateLimits();
      const editor = connect(server, fresh.id, await sessionCookieFor(staff.id));
      await waitForSync(editor);
      // An editor changed the point meanwhile: its tracked insertion no longer has a paragraph to go in.
      const point = textContaining(editor.doc.getXmlFragment(DOCUMENT_FIELD), "հրապարակում է")!;
      point.insert(point.length, " Փոխված։");
      await expect.poll(() => editor.saved()).toBe(true);
      const endpoint = {
        url: server.origin.replace("http", "ws"),
        headers: { Cookie: await sessionCookieFor(lilit.id), Origin: server.origin },
      };
      const base = {
        draftId: fresh.id,
        person: { id: lilit.id, name: lilit.name },
        clientAddress: "127.0.0.1",
        endpoint,
      };
      const result = await importWordSuggestions({ ...base, fileName: "review.docx", data: Buffer.from(file) });
      expect(result.created.map((s) => s.kind).sort()).toEqual(["delete", "replace"]);
      expect(result.unmatched).toEqual([expect.stringContaining("հրապարակում է ամփոփաթերթը։")]);

      const refusal = (data: Buffer, fileName = "review.docx") =>
        importWordSuggestions({ ...base, fileName, data }).then(
          () => null,
          (error: unknown) => (error instanceof ImportError ? error.messageKey : String(error)),
        );
      expect(await refusal(Buffer.from("not a zip at all"))).toBe("faults.importNotDocx");
      expect(await refusal(Buffer.from(file), "review.pdf")).toBe("faults.importNotDocx");
      expect(await refusal(Buffer.alloc(6 * 1024 * 1024))).toBe("errors.fileTooLarge");
      const truncated = Buffer.from(file).subarray(0, Math.floor(file.byteLength / 2));
      expect(await refusal(truncated)).toBe("faults.importNotDocx");

      // Each file is work for the editors: ten an hour per person, then a wait.
      for (let i = 1; i < 10; i++)
        await importWordSuggestions({ ...base, fileName: "review.docx", data: Buffer.from(file) });
      const limited = await importWordSuggestions({ ...base, fileName: "review.docx", data: Buffer.from(file) }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(limited).toBeInstanceOf(RateLimitedError);
    });
  });
});
