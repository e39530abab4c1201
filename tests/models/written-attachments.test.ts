import { createHash } from "node:crypto";
import JSZip from "jszip";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { documentIdOf } from "~/editor/document-id";
import { plainTextOf, type DocNode } from "~/editor/document-json";
import { loadActSource } from "~/exports/act/act-source.server";
import { dossierPackage, type DossierManifest } from "~/exports/package/dossier-package.server";
import {
  listAttachments,
  liveAttachmentFile,
  removeAttachment,
  replaceAttachment,
} from "~/models/attachments/attachments.server";
import { versionAttachmentFile, versionAttachmentFiles } from "~/models/attachments/frozen-attachments.server";
import { liveWrittenAttachmentDocx, writeAttachment } from "~/models/attachments/written-attachments.server";
import { appendUpdate, loadDocument } from "~/models/documents/document-log.server";
import { createVersion } from "~/models/documents/versions.server";
import { getDraft } from "~/models/drafts/drafts.server";
import { db } from "~/utils/db.server";
import { clearRateLimits, RATE_LIMITS, RateLimitedError } from "~/utils/rate-limit.server";
import { createDraftSetup } from "../helpers/factories";

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

async function setup() {
  const { staff, draft } = await createDraftSetup();
  const who = { actorId: staff.id, clientAddress: "203.0.113.8", draftId: draft.id };
  return { staff, draft, who };
}

/** Writes `text` into a document as an editor would (an update appended to its log). */
async function write(documentId: string, text: string) {
  const { doc } = await loadDocument(documentId);
  const before = Y.encodeStateVector(doc);
  const element = new Y.XmlElement("paragraph");
  element.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment("default").push([element]);
  await appendUpdate(documentId, Y.encodeStateAsUpdate(doc, before));
  doc.destroy();
}

async function documentXml(docx: Buffer): Promise<string> {
  return (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
}

describe("attachments written in the editor", () => {
  it("are texts of the draft with a live document of their own, downloadable as DOCX", async () => {
    const { draft, who } = await setup();
    const note = await writeAttachment({ ...who, kind: "EXPLANATORY_NOTE", title: "Հիմնավորում" });
    expect(note.textId).toBeTruthy();
    expect(note.sha256).toBeNull();
    const documentId = documentIdOf(draft.id, note.textId);
    await write(documentId, "Նախագծի ընդունման անհրաժեշտությունը");

    // The main text does not change; the note's own document holds the words.
    const main = (await loadDocument(draft.id)).doc;
    expect(main.getXmlFragment("default").toString()).not.toContain("Նախագծի");
    main.destroy();
    const live = (await liveWrittenAttachmentDocx(draft.id, note.id))!;
    const xml = await documentXml(live.data);
    expect(xml).toContain("Նախագծի ընդունման անհրաժեշտությունը");
    // Labels in the text's language (Armenian here), whoever downloads it.
    expect(xml).toContain("ՀԻՄՆԱՎՈՐՈՒՄ");
    const styles = await (await JSZip.loadAsync(live.data)).file("word/styles.xml")!.async("string");
    expect(styles).toContain('<w:lang w:val="hy-AM"/>');
    // An uploaded file's download never serves a written one (and the other way round).
    expect(await liveAttachmentFile(draft.id, note.id)).toBeNull();
    const listed = await listAttachments(draft.id);
    expect(listed.map((a) => [a.kind, a.textId])).toEqual([["EXPLANATORY_NOTE", note.textId]]);
  });

  it("freeze with the version: the text, its SHA-256 and the Word file by its SHA-256, in the package's manifest", async () => {
    const { staff, draft, who } = await setup();
    const annex = await writeAttachment({ ...who, kind: "ANNEX", title: "Հավելված 1" });
    const documentId = documentIdOf(draft.id, annex.textId);
    await write(documentId, "Համայնքների ցանկ");
    const version = await createVersion(staff.id, draft.id, "Consultation text");

    const [frozen] = await db().versionAttachment.findMany({ where: { versionId: version.id } });
    expect(frozen!.kind).toBe("ANNEX");
    expect(plainTextOf(frozen!.content as DocNode)).toBe("Համայնքների ցանկ");
    expect(frozen!.textSha256).toBe(sha256("Համայնքների ցանկ"));
    const file = (await versionAttachmentFile(version.id, frozen!.id))!;
    expect(sha256(file.data)).toBe(frozen!.sha256);
    expect(await documentXml(file.data)).toContain("Համայնքների ցանկ");

    // Writing on after the freeze changes the draft's annex, never the frozen one.
    await write(documentId, "ավելացված տող");
    const again = (await versionAttachmentFile(version.id, frozen!.id))!;
    expect(sha256(again.data)).toBe(frozen!.sha256);
    expect(await documentXml(again.data)).not.toContain("ավելացված տող");
    const second = await createVersion(staff.id, draft.id, "Revised");
    const [refrozen] = await db().versionAttachment.findMany({ where: { versionId: second.id } });
    expect(plainTextOf(refrozen!.content as DocNode)).toContain("ավելացված տող");
    expect(refrozen!.sha256).not.toBe(frozen!.sha256);

    const source = (await loadActSource({ draft: (await getDraft(draft.id))!, versionId: version.id, locale: "en" }))!;
    const { zip } = await dossierPackage(source, await versionAttachmentFiles(version.id));
    const unpacked = await JSZip.loadAsync(zip);
    const manifest = JSON.parse(await unpacked.file("manifest.json")!.async("string")) as DossierManifest;
    const listed = manifest.files.find((f) => f.role === "attachment")!;
    expect(listed.sha256).toBe(frozen!.sha256);
    expect(listed.textSha256).toBe(frozen!.textSha256);
    expect(sha256(await unpacked.file(listed.path)!.async("nodebuffer"))).toBe(listed.sha256);
    expect(listed.path).toMatch(/\.docx$/);
  });

  it("are changed in the editor, not replaced by a file; removing one removes its text and log", async () => {
    const { draft, who } = await setup();
    const note = await writeAttachment({ ...who, kind: "EXPLANATORY_NOTE", title: "Note" });
    const documentId = documentIdOf(draft.id, note.textId);
    await write(documentId, "some words");
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n", "latin1");
    expect(await replaceAttachment({ ...who, attachmentId: note.id, fileName: "n.pdf", data: pdf })).toBeNull();
    expect(await removeAttachment({ ...who, attachmentId: note.id })).toBe(true);
    expect(await db().draftText.count({ where: { draftId: draft.id } })).toBe(0);
    expect(await db().documentUpdate.count({ where: { documentId } })).toBe(0);
    expect(await db().documentSnapshot.count({ where: { documentId } })).toBe(0);
    expect(await listAttachments(draft.id)).toEqual([]);
    const audit = await db().auditEvent.findFirst({ where: { action: "attachment.write", objectId: note.id } });
    expect(audit).not.toBeNull();
  });

  it("count against the same budget as uploads", async () => {
    await clearRateLimits();
    const { who } = await setup();
    const limit = RATE_LIMITS.attachment.account.max;
    for (let i = 0; i < limit; i++) await writeAttachment({ ...who, kind: "OTHER", title: `Text ${i}` });
    await expect(writeAttachment({ ...who, kind: "OTHER", title: "One too many" })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    expect(await db().draftText.count({ where: { draftId: who.draftId } })).toBe(limit);
    await clearRateLimits();
  });
});
