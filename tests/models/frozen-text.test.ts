import { describe, expect, it } from "vitest";
import { article, paragraph } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { initializeDocument } from "~/models/documents/document-log.server";
import { frozenText } from "~/models/documents/frozen-text.server";
import { createVersion } from "~/models/documents/versions.server";
import { db } from "~/utils/db.server";
import { createDraftSetup } from "../helpers/factories";

describe("frozen text of a version", () => {
  it("is read and prepared once, then reused by every page that shows it", async () => {
    const { staff, draft } = await createDraftSetup();
    await initializeDocument(
      draft.id,
      jsonToYUpdate({
        type: "doc",
        content: [
          article("fz-a1", "Առաջին", paragraph("Սկզբնական բնագիր")),
          article("fz-a2", "Երկրորդ", paragraph("Բ")),
        ],
      }),
    );
    const version = await createVersion(staff.id, draft.id, "Frozen");
    const first = await frozenText(version);
    expect(first.articles.map((entry) => entry.id)).toEqual(["fz-a1", "fz-a2"]);
    expect(JSON.stringify(first.content)).toContain("Սկզբնական բնագիր");

    // Nothing may change a frozen version; if the row did change underneath, the pages
    // would still show the text first read: proof that it is not read again.
    await db().draftVersion.update({ where: { id: version.id }, data: { content: { type: "doc", content: [] } } });
    const [second, third] = await Promise.all([frozenText(version), frozenText(version)]);
    expect(second).toBe(first);
    expect(third).toBe(first);
  });

  it("is one read for many pages asking at once", async () => {
    const { staff, draft } = await createDraftSetup();
    await initializeDocument(
      draft.id,
      jsonToYUpdate({ type: "doc", content: [article("fz-b1", "Մեկ", paragraph("Ա"))] }),
    );
    const version = await createVersion(staff.id, draft.id, "Frozen");
    const all = await Promise.all(Array.from({ length: 10 }, () => frozenText(version)));
    expect(new Set(all).size).toBe(1);
  });
});
