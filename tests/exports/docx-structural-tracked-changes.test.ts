import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FIELD } from "~/editor/document-field";
import { suggestParagraphBreak, typeIntoBreak } from "~/editor/paragraph-break";
import { suggestNodeInsertion, suggestNodeRemoval } from "~/editor/suggestions";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { actToDocx } from "~/exports/act/act-docx.server";
import { actSourceOf } from "~/exports/act/act-source.server";
import { withTrackedChanges } from "~/exports/act/docx-tracked-changes.server";
import { freshDir, onPath } from "../helpers/pdf-tools";
import { draft, original } from "./legal-fixture";

/**
 * Whole units proposed or proposed for removal, and paragraph breaks, as Word's own tracked
 * changes: inserted and deleted paragraphs (their words and their paragraph marks), with
 * author and date.
 */
function elementById(parent: Y.XmlFragment | Y.XmlElement, id: string): Y.XmlElement {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.getAttribute("id") === id) return child;
    const found = elementById(child, id);
    if (found) return found;
  }
  return null as unknown as Y.XmlElement;
}

const NEW_ARTICLE = "Բյուջեի հրապարակումը";
const NEW_ARTICLE_WORDS = "Բյուջեն հրապարակվում է առցանց։";
const NEW_POINT = "ամփոփում է առաջարկությունները,";
const REMOVED_PART = "ეს კანონი ძალაში შედის გამოქვეყნებისთანავე.";
const TYPED = "Նոր պարբերություն։";
const IN_CELL = "после опубликования";

function documentWithStructuralSuggestions(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate(original));
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  const lilit = { id: "lilit", name: "Լիլիթ Մանուկյան" };
  const aram = { id: "aram", name: "Aram Petrosyan" };
  const now = new Date("2026-11-30T09:00:00Z");
  const chapter = elementById(fragment, "c1");
  const a1 = elementById(fragment, "a1");
  suggestNodeInsertion(doc, {
    author: lilit,
    parent: chapter,
    index: chapter.toArray().indexOf(a1) + 1,
    type: "article",
    title: NEW_ARTICLE,
    paragraphs: [NEW_ARTICLE_WORDS],
    nodeId: "new-article",
    now,
  });
  const part = elementById(fragment, "a1-p2");
  suggestNodeInsertion(doc, {
    author: lilit,
    parent: part,
    index: part.length,
    type: "point",
    title: "",
    paragraphs: [NEW_POINT],
    nodeId: "new-point",
    now,
  });
  suggestNodeRemoval(doc, { author: aram, element: elementById(fragment, "a3-p1"), now });
  // Enter inside article 2's paragraph, after "Статья 38", then typed words; Enter at the end of a point.
  const a2 = elementById(fragment, "a2");
  suggestParagraphBreak(doc, { author: aram, block: a2.get(1) as Y.XmlElement, at: "Статья 38".length, now });
  const point = elementById(fragment, "a1-p2-1").get(0) as Y.XmlElement;
  const added = suggestParagraphBreak(doc, { author: lilit, block: point, at: 1_000, now })!;
  typeIntoBreak(doc, added, TYPED);
  // Enter at the end of a table cell's paragraph: a new paragraph in that cell.
  const cell = elementById(fragment, "a2")
    .toArray()
    .find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === "table")!;
  const lastRow = cell.get(cell.length - 1) as Y.XmlElement;
  const lastCell = lastRow.get(lastRow.length - 1) as Y.XmlElement;
  const inCell = suggestParagraphBreak(doc, { author: aram, block: lastCell.get(0) as Y.XmlElement, at: 1_000, now })!;
  typeIntoBreak(doc, inCell, IN_CELL);
  return doc;
}

const documentXml = (path: string) => execFileSync("unzip", ["-p", path, "word/document.xml"]).toString("utf8");

/** The Word paragraphs of a document.xml that contain these words. */
const paragraphsWith = (xml: string, words: string) =>
  [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => m[0]).filter((p) => p.includes(words));

const MARK_INSERTED =
  /<w:pPr>.*<w:rPr><w:ins w:id="\d+" w:author="([^"]+)" w:date="2026-11-30T09:00:00[^"]*"\/><\/w:rPr><\/w:pPr>/s;
const MARK_DELETED =
  /<w:pPr>.*<w:rPr><w:del w:id="\d+" w:author="([^"]+)" w:date="2026-11-30T09:00:00[^"]*"\/><\/w:rPr><\/w:pPr>/s;

async function exportTracked(dir: string): Promise<string> {
  const source = actSourceOf({ draft, version: null, doc: original, locale: "en" });
  const file = join(dir, "act.docx");
  writeFileSync(file, await actToDocx(source, [], withTrackedChanges(documentWithStructuralSuggestions())));
  return file;
}

describe("structural suggestions as Word tracked changes", () => {
  it("writes proposed units as inserted paragraphs and removed ones as deleted paragraphs, marks included", async () => {
    const xml = documentXml(await exportTracked(freshDir("structural-")));
    // The proposed article: its heading (number included) and paragraph, every word and mark inserted.
    const [heading] = paragraphsWith(xml, NEW_ARTICLE);
    expect(heading).toMatch(MARK_INSERTED);
    expect(heading!.match(MARK_INSERTED)![1]).toBe("Լիլիթ Մանուկյան");
    // Numbers follow the document's language (the fixture's is Armenian).
    const article2 = actSourceOf({ draft, version: null, doc: original, locale: "en" }).labels.articleNumber(2);
    expect(heading).toMatch(new RegExp(`<w:ins [^>]*><w:r>.*<w:t[^>]*>${article2} </w:t>`, "s"));
    const [words] = paragraphsWith(xml, NEW_ARTICLE_WORDS);
    expect(words).toMatch(MARK_INSERTED);
    expect(words).toMatch(new RegExp(`<w:ins [^>]*w:author="Լիլիթ Մանուկյան"[^>]*><w:r>.*${NEW_ARTICLE_WORDS}`, "s"));
    // The accepted articles keep their numbers: the one after the proposed one is still Article 2.
    expect(paragraphsWith(xml, "Изменение статьи 69")[0]).toContain(`>${article2} <`);
    // The proposed point, numbered as it would be.
    const [point] = paragraphsWith(xml, NEW_POINT);
    expect(point).toMatch(MARK_INSERTED);
    expect(point).toMatch(/<w:ins [^>]*><w:r>.*<w:t[^>]*>3\) <\/w:t>/s);
    // The part proposed for removal: words and mark deleted, by its author.
    const [removed] = paragraphsWith(xml, REMOVED_PART);
    expect(removed).toMatch(MARK_DELETED);
    expect(removed!.match(MARK_DELETED)![1]).toBe("Aram Petrosyan");
    expect(removed).toMatch(new RegExp(`<w:delText[^>]*>${REMOVED_PART}</w:delText>`));
    expect(removed).not.toMatch(/<w:t[ >]/);
    // The split: the first half's mark inserted, the moved words plain in the next paragraph (with their own mark).
    const [firstHalf] = paragraphsWith(xml, "Статья 38<");
    expect(firstHalf).toMatch(MARK_INSERTED);
    const [secondHalf] = paragraphsWith(xml, " Закона излагается в следующей редакции:");
    expect(secondHalf).not.toMatch(MARK_INSERTED);
    expect(secondHalf).not.toContain("<w:ins ");
    // Enter at the end of a point, then words: a new inserted paragraph.
    const [typed] = paragraphsWith(xml, TYPED);
    expect(typed).toMatch(MARK_INSERTED);
    // In a table cell too.
    const [inCell] = paragraphsWith(xml, IN_CELL);
    expect(inCell).toMatch(MARK_INSERTED);
    expect(inCell).toMatch(new RegExp(`<w:ins [^>]*><w:r>.*${IN_CELL}`, "s"));
    // Every revision has its own w:id; no marker leaks into the file.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(xml).not.toMatch(/[\uE000-\uE006]/);
  });

  it.skipIf(!onPath("soffice"))(
    "opens in LibreOffice with the paragraphs as tracked insertions and deletions (DOCX → FODT)",
    async () => {
      const dir = freshDir("structural-lo-");
      const input = await exportTracked(dir);
      const out = join(dir, "out");
      const profile = freshDir("lo-profile-");
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "fodt", "--outdir", out, input],
        { stdio: "ignore", timeout: 180_000 },
      );
      const fodt = readFileSync(join(out, "act.fodt"), "utf8");
      const tracked = /<text:tracked-changes[^>]*>(.*?)<\/text:tracked-changes>/s.exec(fodt)?.[1] ?? "";
      const regions = [
        ...tracked.matchAll(/<text:changed-region [^>]*text:id="([^"]+)".*?<\/text:changed-region>/gs),
      ].map((m) => ({
        id: m[1]!,
        kind: m[0].includes("<text:deletion") ? "deletion" : m[0].includes("<text:insertion") ? "insertion" : "other",
        author: /<dc:creator>([^<]*)<\/dc:creator>/.exec(m[0])?.[1],
        // What the change covers in the body: LibreOffice keeps both kinds' words there, between its marks.
        words: (
          new RegExp(
            `<text:change-start text:change-id="${m[1]}"/>(.*?)<text:change-end text:change-id="${m[1]}"/>`,
            "s",
          ).exec(fodt)?.[1] ?? ""
        ).replace(/<[^>]+>/g, ""),
      }));
      const insertedBy = (author: string) => regions.filter((r) => r.kind === "insertion" && r.author === author);
      const lilits = insertedBy("Լիլիթ Մանուկյան")
        .map((r) => r.words)
        .join(" ");
      for (const words of [NEW_ARTICLE, NEW_ARTICLE_WORDS, NEW_POINT, TYPED]) expect(lilits).toContain(words);
      // The split's paragraph mark, by its author.
      expect(insertedBy("Aram Petrosyan").length).toBeGreaterThan(0);
      const deletion = regions.find((r) => r.kind === "deletion");
      expect(deletion).toMatchObject({ author: "Aram Petrosyan", words: expect.stringContaining(REMOVED_PART) });
    },
    200_000,
  );
});
