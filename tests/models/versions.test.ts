import { createHash } from "node:crypto";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { article, paragraph } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { appendUpdate, initializeDocument, loadDocument } from "~/models/documents/document-log.server";
import { createVersion, getVersion, listVersions } from "~/models/documents/versions.server";
import { db } from "~/utils/db.server";
import { createDraftSetup } from "../helpers/factories";

describe("versions", () => {
  it("freeze the current text with a SHA-256 of it, and stay unchanged while the draft moves on", async () => {
    const { staff, draft } = await createDraftSetup();
    await initializeDocument(
      draft.id,
      jsonToYUpdate({
        type: "doc",
        content: [article("a1", "Գործողության ոլորտը", paragraph("Սույն օրենքը կարգավորում է"))],
      }),
    );
    const first = await createVersion(staff.id, draft.id, "Для общественного обсуждения");
    expect(first.number).toBe(1);
    expect(first.plainText).toContain("Սույն օրենքը կարգավորում է");
    expect(first.sha256).toBe(createHash("sha256").update(first.plainText, "utf8").digest("hex"));

    // Someone keeps editing the live draft.
    const { doc } = await loadDocument(draft.id);
    const before = Y.encodeStateVector(doc);
    const paragraphNode = new Y.XmlElement("paragraph");
    paragraphNode.insert(0, [new Y.XmlText("A later sentence.")]);
    doc.getXmlFragment("default").insert(1, [paragraphNode]);
    await appendUpdate(draft.id, Y.encodeStateAsUpdate(doc, before));

    const frozen = await getVersion(draft.id, first.id);
    expect(frozen?.plainText).not.toContain("A later sentence.");
    expect(frozen?.sha256).toBe(first.sha256);
    const second = await createVersion(staff.id, draft.id, "After comments");
    expect(second.number).toBe(2);
    expect(second.plainText).toContain("A later sentence.");
    expect(second.sha256).not.toBe(first.sha256);
    expect((await listVersions(draft.id)).map((v) => v.number)).toEqual([2, 1]);
    expect(
      await db().auditEvent.count({ where: { action: "version.create", details: { not: undefined } } }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("is found only through its own draft", async () => {
    const a = await createDraftSetup();
    const b = await createDraftSetup();
    const version = await createVersion(a.staff.id, a.draft.id, "v1");
    expect(await getVersion(b.draft.id, version.id)).toBeNull();
  });
});
