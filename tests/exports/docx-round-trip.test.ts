import { describe, expect, it } from "vitest";
import { article, chapter, paragraph, part, plainTextOf, point, type DocNode } from "~/editor/document-json";
import { duplicateIds } from "~/editor/outline";
import { legalActSchema } from "~/editor/yjs-document";
import { actToDocx } from "~/exports/act/act-docx.server";
import { actSourceOf } from "~/exports/act/act-source.server";
import { textOf } from "~/models/compare.server";
import { docxToDocument } from "~/models/draft-import.server";
import { createDraft } from "~/models/drafts.server";
import { createDraftSetup } from "../helpers/factories";

const cell = (type: "tableHeader" | "tableCell", value: string): DocNode => ({ type, content: [paragraph(value)] });
const row = (...cells: DocNode[]): DocNode => ({ type: "tableRow", content: cells });

/** A draft with everything the structure has: preamble, chapters, articles, parts, points, a table. */
const original: DocNode = {
  type: "doc",
  content: [
    paragraph("Սույն օրենքով լրացումներ են կատարվում «Տեղական ինքնակառավարման մասին» օրենքում։"),
    chapter(
      "c1",
      "Ընդհանուր դրույթներ",
      article(
        "a1",
        "Օրենքի 38-րդ հոդվածում լրացում",
        part("a1-p1", "Օրենքի 38-րդ հոդվածի 1-ին մասը լրացնել 12-րդ կետով՝"),
        part(
          "a1-p2",
          "Համայնքի ղեկավարը՝",
          point("a1-p2-1", "կազմակերպում է հանրային քննարկումներ,"),
          point("a1-p2-2", "հրապարակում է ամփոփաթերթը։"),
        ),
      ),
      article(
        "a2",
        "Изменение статьи 69",
        // An amendment's sentence that starts like a heading stays a paragraph.
        paragraph("Статья 38 Закона излагается в следующей редакции:"),
        {
          type: "table",
          content: [
            row(cell("tableHeader", "Показатель"), cell("tableHeader", "Срок")),
            row(cell("tableCell", "Отчёт"), cell("tableCell", "15 дней")),
          ],
        },
      ),
    ),
    chapter(
      "c2",
      "დასკვნითი დებულებები",
      article("a3", "ძალაში შესვლა", part("a3-p1", "ეს კანონი ძალაში შედის გამოქვეყნებისთანავე.")),
      article("a4", "", paragraph("Article without a title.")),
    ),
  ],
};

/** The structure without ids: node types with their own text, nested. */
function shape(node: DocNode): unknown {
  if (["paragraph", "chapterTitle", "articleTitle"].includes(node.type)) return [node.type, plainTextOf(node)];
  return [node.type, ...(node.content ?? []).map(shape)];
}

const draft = {
  id: "d1",
  titleHy: "Փորձնական",
  titleRu: null,
  titleKa: null,
  titleEn: "Round trip",
  kind: "LAW_AMENDMENT",
  status: "DRAFTING" as const,
  ownerOrganizationId: "o1",
};

describe("DOCX export and import round trip", () => {
  for (const locale of ["hy", "ru", "ka", "en"] as const) {
    it(`gives back the same structure and text (labels in ${locale})`, async () => {
      const source = actSourceOf({ draft, version: null, doc: original, locale });
      const threads = [
        { articleId: "a1", quote: "12-րդ կետով", comments: [{ author: "Կարեն", date: new Date(), body: "Հարց" }] },
      ];
      const imported = await docxToDocument(await actToDocx(source, threads));
      expect(shape(imported)).toEqual(shape(original));
      expect(plainTextOf(imported)).toBe(plainTextOf(original));
      expect(duplicateIds(imported)).toEqual([]);
      expect(() => legalActSchema().nodeFromJSON(imported).check()).not.toThrow();
    });
  }

  it("imports into a new draft whose live text has that structure", async () => {
    const { staff, ministry } = await createDraftSetup();
    const source = actSourceOf({ draft, version: null, doc: original, locale: "hy" });
    const content = await docxToDocument(await actToDocx(source));
    const created = await createDraft(
      staff.id,
      {
        titleHy: "Ներմուծված",
        titleRu: null,
        titleKa: null,
        titleEn: null,
        kind: "LAW_AMENDMENT",
        ownerOrganizationId: ministry.id,
      },
      content,
    );
    const live = await textOf(created.id, "live");
    expect(shape(live!)).toEqual(shape(original));
  });
});
