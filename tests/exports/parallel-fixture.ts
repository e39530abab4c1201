import { article, chapter, paragraph, part, type DocNode } from "~/editor/document-json";
import { actSourceOf } from "~/exports/act/act-source.server";
import type { TextSetMember } from "~/exports/act/text-set.server";
import type { Authority } from "~/models/texts/authenticity.server";
import type { TextLanguage } from "~/i18n/text-languages";
import { draft } from "./legal-fixture";

/** An agreement in Armenian and Russian with the same stable ids; each text has one article the other lacks. */
export const armenianText: DocNode = {
  type: "doc",
  content: [
    paragraph("Կողմերը պայմանավորվեցին հետևյալի մասին։"),
    chapter(
      "c1",
      "Ընդհանուր դրույթներ",
      article("a1", "Համաձայնագրի առարկան", part("a1-p1", "Կողմերը համագործակցում են մշակույթի ոլորտում։")),
      article("a2", "Պատվիրակություններ", paragraph("Կողմերը փոխանակում են պատվիրակություններ։")),
      article("a-hy", "Միայն հայերեն", paragraph("Այս հոդվածը միայն հայերեն տեքստում է։")),
    ),
  ],
};

export const russianText: DocNode = {
  type: "doc",
  content: [
    paragraph("Стороны договорились о нижеследующем."),
    chapter(
      "c1",
      "Общие положения",
      article("a1", "Предмет соглашения", part("a1-p1", "Стороны сотрудничают в области культуры.")),
      article("a2", "Делегации", paragraph("Стороны обмениваются делегациями.")),
      article("a-ru", "Только по-русски", paragraph("Эта статья есть только в русском тексте.")),
    ),
  ],
};

const AGREEMENT = { ...draft, kind: "COOPERATION_AGREEMENT", titleRu: "Соглашение о сотрудничестве" };

export function member(
  language: TextLanguage,
  doc: DocNode,
  authority: Authority,
  textId: string | null = null,
): TextSetMember {
  const source = actSourceOf({
    draft: { ...AGREEMENT, textLanguage: language },
    version: null,
    doc,
    locale: "en",
    now: new Date("2026-12-01T09:00:00Z"),
  });
  return { textId, authority, source };
}

/** Equally authentic (the usual agreement), or the Armenian text authoritative and the Russian a translation. */
export function agreementTexts(mainAuthoritative = false): TextSetMember[] {
  return [
    member("hy", armenianText, mainAuthoritative ? "authoritative" : "equal"),
    member("ru", russianText, mainAuthoritative ? "translation" : "equal", "t-ru"),
  ];
}
