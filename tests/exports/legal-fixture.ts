import { article, chapter, paragraph, part, point, type DocNode } from "~/editor/document-json";

const cell = (type: "tableHeader" | "tableCell", value: string): DocNode => ({ type, content: [paragraph(value)] });
const row = (...cells: DocNode[]): DocNode => ({ type: "tableRow", content: cells });

/** A draft with everything the structure has: preamble, chapters, articles, parts, points, a table. */
export const original: DocNode = {
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

/** The draft fields an export reads (no database needed). */
export const draft = {
  id: "d1",
  titleHy: "Փորձնական",
  titleRu: null,
  titleKa: null,
  titleEn: "Round trip",
  kind: "LAW_AMENDMENT",
  status: "DRAFTING" as const,
  textLanguage: "hy",
  createdAt: new Date("2026-11-20T10:00:00Z"),
  ownerOrganization: {
    id: "o1",
    slug: "mta",
    country: "AM",
    nameHy: "ՏԿԵՆ",
    nameRu: null,
    nameKa: null,
    nameEn: "MTA",
  },
};
