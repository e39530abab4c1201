import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { article, chapter, paragraph, plainTextOf, type DocNode } from "~/editor/document-json";
import { jsonToYUpdate, yDocToJSON } from "~/editor/yjs-document";
import { alignStructure, articleLayout, layoutChanged } from "~/texts/structure-sync";

/** An agreement in Armenian and its Russian text: the same article ids, each in its own words. */
const armenian: DocNode = {
  type: "doc",
  content: [
    chapter(
      "c1",
      "Ընդհանուր դրույթներ",
      article("a1", "Առարկա", paragraph("Կողմերը համագործակցում են։")),
      article("a2", "Պատվիրակություններ", paragraph("Կողմերը փոխանակում են պատվիրակություններ։")),
      article("a3", "Լեզուներ", paragraph("Համաձայնագիրը կնքված է երկու լեզվով։")),
    ),
  ],
};
const russian: DocNode = {
  type: "doc",
  content: [
    chapter(
      "c1",
      "Общие положения",
      article("a1", "Предмет", paragraph("Стороны сотрудничают.")),
      article("a2", "Делегации", paragraph("Стороны обмениваются делегациями.")),
      article("a3", "Языки", paragraph("Соглашение составлено на двух языках.")),
    ),
  ],
};

function docOf(json: DocNode): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate(json));
  return doc;
}

const chapterOf = (doc: Y.Doc) => doc.getXmlFragment("default").get(0) as Y.XmlElement;
const articleIds = (doc: Y.Doc) => [...articleLayout(doc).entries()].map(([id]) => id);
const articleJson = (doc: Y.Doc, id: string) =>
  yDocToJSON(doc).content![0]!.content!.find((node) => node.attrs?.id === id)!;

/** A new article as the editor makes one: an element with its id, a heading and a paragraph. */
function newArticle(id: string, title: string, words: string): Y.XmlElement {
  const element = new Y.XmlElement("article");
  element.setAttribute("id", id);
  const heading = new Y.XmlElement("articleTitle");
  heading.insert(0, [new Y.XmlText(title)]);
  const body = new Y.XmlElement("paragraph");
  body.insert(0, [new Y.XmlText(words)]);
  element.insert(0, [heading, body]);
  return element;
}

describe("the structure of the texts of one act kept aligned", () => {
  it("adds an article added to one text as an empty placeholder with the same id, in the same place", () => {
    const source = docOf(armenian);
    const sibling = docOf(russian);
    const before = articleLayout(source);
    chapterOf(source).insert(2, [newArticle("a-new", "Նոր հոդված", "Նոր դրույթ։")]);
    expect(layoutChanged(before, articleLayout(source))).toBe(true);

    expect(alignStructure(source, before, sibling, "structure")).toBe(true);
    expect(articleIds(sibling)).toEqual(["a1", "a-new", "a2", "a3"]);
    const placeholder = articleJson(sibling, "a-new");
    expect(plainTextOf(placeholder).trim()).toBe("");
    expect(placeholder.content!.map((node) => node.type)).toEqual(["articleTitle", "paragraph"]);
    // The sibling's own words are untouched.
    expect(plainTextOf(articleJson(sibling, "a2"))).toContain("Стороны обмениваются делегациями.");
    // Aligning again changes nothing.
    expect(alignStructure(source, articleLayout(source), sibling, "structure")).toBe(false);
  });

  it("removes an article removed from one text, and moves a moved one with the sibling's own words", () => {
    const source = docOf(armenian);
    const sibling = docOf(russian);
    const before = articleLayout(source);
    const chapter = chapterOf(source);
    // Article 3 moved before article 2 (the editor deletes and re-inserts it), article 1 removed.
    const third = chapter.get(3) as Y.XmlElement;
    const moved = third.clone();
    source.transact(() => {
      chapter.delete(3, 1);
      chapter.insert(2, [moved]);
      chapter.delete(1, 1);
    });
    expect(articleIds(source)).toEqual(["a3", "a2"]);

    alignStructure(source, before, sibling, "structure");
    expect(articleIds(sibling)).toEqual(["a3", "a2"]);
    expect(plainTextOf(articleJson(sibling, "a3"))).toContain("Соглашение составлено на двух языках.");
  });

  it("leaves an article only the sibling has where it is", () => {
    const source = docOf(armenian);
    const sibling = docOf(russian);
    chapterOf(sibling).insert(1, [newArticle("ru-only", "Только по-русски", "Слова.")]);
    const before = articleLayout(source);
    chapterOf(source).insert(4, [newArticle("a4", "Ուժի մեջ մտնելը", "Ուժի մեջ է մտնում։")]);
    alignStructure(source, before, sibling, "structure");
    expect(articleIds(sibling)).toEqual(["ru-only", "a1", "a2", "a3", "a4"]);
  });

  it("reaches a client of the sibling through its update, made with the given origin", () => {
    const source = docOf(armenian);
    const sibling = docOf(russian);
    // The client holds exactly the sibling's state, as one that joined its room does (a second
    // docOf would add a second copy of the text, made by another client id).
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(sibling));
    const origins: unknown[] = [];
    sibling.on("update", (update: Uint8Array, origin: unknown) => {
      origins.push(origin);
      Y.applyUpdate(client, update);
    });
    const before = articleLayout(source);
    chapterOf(source).insert(1, [newArticle("a0", "Նախաբան", "Բառեր։")]);
    alignStructure(source, before, sibling, "structure");
    expect(origins).toEqual(["structure"]);
    expect(articleIds(client)).toEqual(["a0", "a1", "a2", "a3"]);
  });
});
