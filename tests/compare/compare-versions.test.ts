import { describe, expect, it } from "vitest";
import { compareVersions } from "~/compare/compare-versions";
import { wordDiff } from "~/compare/word-diff";
import { article, chapter, paragraph, type DocNode } from "~/editor/document-json";

const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
const a1 = article("a1", "Բյուջեն", paragraph("Բյուջեն ընդունվում է մինչև դեկտեմբերի 20-ը։"));
const a2 = article("a2", "Հաշվետվություն", paragraph("Հաշվետվությունը ներկայացվում է 15 օրվա ընթացքում։"));
const a3 = article("a3", "Հրապարակայնություն", paragraph("Նիստերը դռնբաց են։"));

const statuses = (before: DocNode, after: DocNode) =>
  compareVersions(before, after).map((c) => [c.id, c.status, c.before?.number ?? null, c.after?.number ?? null]);

describe("comparing versions article by article", () => {
  it("shows an inserted article as added and the following ones as renumbered, not rewritten", () => {
    const inserted = article("new", "Սահմանումներ", paragraph("Սույն օրենքում օգտագործվող հասկացությունները։"));
    expect(
      statuses(doc(chapter("c1", "Ընդհանուր", a1, a2, a3)), doc(chapter("c1", "Ընդհանուր", inserted, a1, a2, a3))),
    ).toEqual([
      ["new", "added", null, 1],
      ["a1", "renumbered", 1, 2],
      ["a2", "renumbered", 2, 3],
      ["a3", "renumbered", 3, 4],
    ]);
  });

  it("matches articles by id: a moved article is moved, a removed one stays where it stood", () => {
    expect(statuses(doc(a1, a2, a3), doc(a2, a1, a3))).toEqual([
      ["a2", "renumbered", 2, 1],
      ["a1", "moved", 1, 2],
      ["a3", "unchanged", 3, 3],
    ]);
    expect(statuses(doc(a1, a2, a3), doc(a1, a3))).toEqual([
      ["a1", "unchanged", 1, 1],
      ["a2", "removed", 2, null],
      ["a3", "renumbered", 3, 2],
    ]);
  });

  it("marks the words inserted and deleted inside a changed article", () => {
    const edited = article("a2", "Հաշվետվություն", paragraph("Հաշվետվությունը ներկայացվում է 30 օրվա ընթացքում։"));
    const [, change] = compareVersions(doc(a1, a2), doc(a1, edited));
    expect(change).toMatchObject({ id: "a2", status: "changed", textChanged: true });
    expect(change!.diff!.filter((p) => p.kind !== "same")).toEqual([
      { kind: "deleted", text: "15" },
      { kind: "inserted", text: "30" },
    ]);
    // The unchanged words stay as they are, in order.
    expect(change!.diff!.map((p) => (p.kind === "inserted" ? "" : p.text)).join("")).toContain(
      "Հաշվետվությունը ներկայացվում է 15 օրվա ընթացքում։",
    );
  });

  it("shows renumbering only as renumbering: no redline, the text is the same", () => {
    // Removing the first article renumbers the rest and changes none of their words.
    const result = compareVersions(doc(a1, a2, a3), doc(a2, a3));
    expect(result.map((c) => [c.id, c.status, c.textChanged, c.diff])).toEqual([
      ["a1", "removed", true, expect.any(Array)],
      ["a2", "renumbered", false, null],
      ["a3", "renumbered", false, null],
    ]);
  });

  it("shows an article split in two as the first part changed and the second added", () => {
    const whole = article(
      "a2",
      "Հաշվետվություն",
      paragraph("Հաշվետվությունը ներկայացվում է 15 օրվա ընթացքում։"),
      paragraph("Հաշվետվությունը հրապարակվում է։"),
    );
    const first = article("a2", "Հաշվետվություն", paragraph("Հաշվետվությունը ներկայացվում է 15 օրվա ընթացքում։"));
    const second = article("split", "Հրապարակում", paragraph("Հաշվետվությունը հրապարակվում է։"));
    const result = compareVersions(doc(a1, whole, a3), doc(a1, first, second, a3));
    expect(result.map((c) => [c.id, c.status, c.before?.number ?? null, c.after?.number ?? null])).toEqual([
      ["a1", "unchanged", 1, 1],
      ["a2", "changed", 2, 2],
      ["split", "added", null, 3],
      ["a3", "renumbered", 3, 4],
    ]);
    // The kept article only loses words (the sentence that went to the new one), gains none.
    expect(result[1]!.diff!.filter((p) => p.kind !== "same")).toEqual([
      { kind: "deleted", text: expect.stringContaining("Հաշվետվությունը հրապարակվում է") },
    ]);
    expect(result[2]!.diff).toEqual([{ kind: "inserted", text: "Հրապարակում\nՀաշվետվությունը հրապարակվում է։" }]);
  });

  it("diffs words in any script, with punctuation as its own token", () => {
    expect(wordDiff("Совет общины, глава.", "Совет общины и глава.")).toEqual([
      { kind: "same", text: "Совет общины" },
      { kind: "deleted", text: ", " },
      { kind: "inserted", text: " и " },
      { kind: "same", text: "глава." },
    ]);
    expect(wordDiff("", "ახალი მუხლი")).toEqual([{ kind: "inserted", text: "ახალი მუხლი" }]);
  });
});
