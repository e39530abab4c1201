import { describe, expect, it } from "vitest";
import { article, paragraph, type DocNode } from "~/editor/document-json";
import { alignArticles, articleTexts } from "~/texts/alignment";

const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
const hy = doc(
  article("a1", "Կողմերը", paragraph("Երևան քաղաքը")),
  article("a2", "Առարկան", paragraph("Համագործակցություն")),
);
const ru = doc(
  article("a1", "Стороны", paragraph("Город Ереван")),
  article("a2", "Предмет", paragraph("Сотрудничество")),
);

describe("alignment of parallel texts", () => {
  it("pairs articles by stable id: unconfirmed, aligned after confirmation, outdated with the changed side's diff", () => {
    expect(alignArticles(hy, ru, []).map((p) => p.state)).toEqual(["unconfirmed", "unconfirmed"]);
    const texts = (d: DocNode, id: string) => articleTexts(d).get(id)!.text;
    const confirmed = ["a1", "a2"].map((articleId) => ({
      articleId,
      mainText: texts(hy, articleId),
      otherText: texts(ru, articleId),
      confirmedBy: "Անահիտ",
      confirmedAt: new Date("2026-12-01T10:00:00Z"),
    }));
    expect(alignArticles(hy, ru, confirmed).map((p) => p.state)).toEqual(["aligned", "aligned"]);

    const changed = doc(
      article("a1", "Стороны", paragraph("Город Ереван и город Тбилиси")),
      article("a2", "Предмет", paragraph("Сотрудничество")),
    );
    const [first, second] = alignArticles(hy, changed, confirmed);
    expect(first!.state).toBe("outdated");
    expect(first!.mainChanges).toBeNull();
    expect(
      first!
        .otherChanges!.filter((p) => p.kind === "inserted")
        .map((p) => p.text)
        .join(""),
    ).toContain("Тбилиси");
    expect(second!.state).toBe("aligned");
  });

  it("marks an article present in one text only as missing, in the main text's order", () => {
    const extra = doc(...(ru.content ?? []), article("a3", "Срок", paragraph("Пять лет")));
    const pairs = alignArticles(hy, extra, []);
    expect(pairs.map((p) => [p.id, p.state])).toEqual([
      ["a1", "unconfirmed"],
      ["a2", "unconfirmed"],
      ["a3", "missing"],
    ]);
    expect(pairs[2]!.main).toBeNull();
  });
});
