import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { plainTextOf } from "~/editor/document-json";
import { yDocToJSON } from "~/editor/yjs-document";
import { loadDocument } from "~/models/documents/document-log.server";
import { shareDraft } from "~/models/drafts/drafts.server";
import { articleLayout } from "~/texts/structure-sync";
import { sessionCookieFor, waitForSync, type TestClient } from "../helpers/collab";
import { collabServerForFile } from "../helpers/collab-test-server";
import { bilingualZugdidiAgreement } from "../helpers/agreements";
import { addMember, createOrganization, createUser } from "../helpers/factories";

/**
 * Adding, removing or moving an article in one text of an agreement makes the same change in
 * its other texts, through the real collab server, whichever text the edit was made in and
 * whether or not anyone has the other text open.
 */
const { server, connect } = collabServerForFile();

const agreement = () => bilingualZugdidiAgreement("203.0.113.70");

const ids = (doc: Y.Doc) => [...articleLayout(doc).keys()];

/** The first article's element and the element holding it (the document or a chapter). */
function firstArticle(doc: Y.Doc): { parent: Y.XmlFragment | Y.XmlElement; element: Y.XmlElement } {
  const fragment = doc.getXmlFragment("default");
  for (const parent of [fragment, ...fragment.toArray().filter((n) => n instanceof Y.XmlElement)]) {
    const element = (parent as Y.XmlElement)
      .toArray()
      .find((n) => n instanceof Y.XmlElement && n.nodeName === "article");
    if (element) return { parent: parent as Y.XmlElement, element: element as Y.XmlElement };
  }
  throw new Error("no article");
}

/** A new article after the first, as the editor makes one. */
function addArticle(client: TestClient, id: string, words: string) {
  const { parent, element } = firstArticle(client.doc);
  const added = new Y.XmlElement("article");
  added.setAttribute("id", id);
  const heading = new Y.XmlElement("articleTitle");
  heading.insert(0, [new Y.XmlText(words)]);
  const body = new Y.XmlElement("paragraph");
  body.insert(0, [new Y.XmlText(words)]);
  added.insert(0, [heading, body]);
  parent.insert(parent.toArray().indexOf(element) + 1, [added]);
}

async function storedIds(documentId: string): Promise<string[]> {
  const { doc } = await loadDocument(documentId);
  try {
    return ids(doc);
  } finally {
    doc.destroy();
  }
}

describe("the article structure of an act's texts kept aligned by the collab server", () => {
  it("adds an article added in the main text to the open English text as an empty placeholder, and stores it", async () => {
    const { staff, draft, englishDocument } = await agreement();
    const cookie = await sessionCookieFor(staff.id);
    const main = connect(server, draft.id, cookie);
    const english = connect(server, englishDocument, cookie);
    await Promise.all([waitForSync(main), waitForSync(english)]);
    const before = ids(main.doc);
    expect(ids(english.doc)).toEqual(before);

    addArticle(main, "art-new", "ახალი მუხლი");
    const expected = [before[0], "art-new", ...before.slice(1)];
    await expect.poll(() => ids(english.doc)).toEqual(expected);
    const placeholder = yDocToJSON(english.doc);
    const added = JSON.stringify(placeholder).includes("ახალი მუხლი");
    expect(added).toBe(false);
    await expect.poll(() => storedIds(englishDocument)).toEqual(expected);
    // The main text keeps its own words.
    expect(plainTextOf(yDocToJSON(main.doc))).toContain("ახალი მუხლი");
  });

  it("removes and moves articles in a text nobody has open, from an edit in the language text", async () => {
    const { staff, draft, englishDocument } = await agreement();
    const english = connect(server, englishDocument, await sessionCookieFor(staff.id));
    await waitForSync(english);
    const before = ids(english.doc);
    expect(before.length).toBeGreaterThanOrEqual(3);
    // The first article removed, the last moved to the front.
    const { parent } = firstArticle(english.doc);
    english.doc.transact(() => {
      const articles = parent.toArray().filter((n) => n instanceof Y.XmlElement && n.nodeName === "article");
      const last = articles.at(-1) as Y.XmlElement;
      const moved = last.clone();
      parent.delete(parent.toArray().indexOf(last), 1);
      parent.delete(parent.toArray().indexOf(articles[0]!), 1);
      parent.insert(parent.toArray().indexOf(articles[1]!), [moved]);
    });
    const expected = [before.at(-1), ...before.slice(1, -1)];
    expect(ids(english.doc)).toEqual(expected);
    await expect.poll(() => storedIds(draft.id), { timeout: 10_000 }).toEqual(expected);
  });

  it("follows a structural change made by a partner with an edit grant, in the language text", async () => {
    const { staff, draft, englishDocument } = await agreement();
    const ngo = await createOrganization("NGO", "Partners");
    const partner = await createUser({ name: "Partner" });
    await addMember(partner.id, ngo.id);
    await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "EDIT");
    const editor = connect(server, englishDocument, await sessionCookieFor(partner.id));
    await waitForSync(editor);
    const before = await storedIds(draft.id);
    addArticle(editor, "art-partner", "Partner's article");
    // An editor of the draft (a partner with an edit grant) leads too.
    await expect.poll(() => storedIds(draft.id), { timeout: 10_000 }).toContain("art-partner");
    expect((await storedIds(draft.id)).length).toBe(before.length + 1);
  });
});
