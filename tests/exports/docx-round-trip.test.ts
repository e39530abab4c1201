import { describe, expect, it } from "vitest";
import { plainTextOf, type DocNode } from "~/editor/document-json";
import { duplicateIds } from "~/editor/outline";
import { legalActSchema } from "~/editor/yjs-document";
import { actToDocx } from "~/exports/act/act-docx.server";
import { actSourceOf } from "~/exports/act/act-source.server";
import { textOf } from "~/models/documents/compare.server";
import { docxToDocument } from "~/models/drafts/draft-import.server";
import { createDraft } from "~/models/drafts/drafts.server";
import { createDraftSetup } from "../helpers/factories";
import { draft, original } from "./legal-fixture";

/** The structure without ids: node types with their own text, nested. */
function shape(node: DocNode): unknown {
  if (["paragraph", "chapterTitle", "articleTitle"].includes(node.type)) return [node.type, plainTextOf(node)];
  return [node.type, ...(node.content ?? []).map(shape)];
}

describe("DOCX export and import round trip", () => {
  for (const locale of ["hy", "ru", "ka", "en"] as const) {
    it(`gives back the same structure and text (labels in ${locale})`, async () => {
      const source = actSourceOf({ draft, version: null, doc: original, locale });
      const threads = [
        {
          articleId: "a1",
          quote: "12-րդ կետով",
          resolved: false,
          comments: [{ author: "Կարեն", date: new Date(), body: "Հարց" }],
        },
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
