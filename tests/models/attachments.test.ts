import { createHash } from "node:crypto";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { loadActSource } from "~/exports/act/act-source.server";
import { dossierPackage, type DossierManifest } from "~/exports/package/dossier-package.server";
import { checkAttachmentUpload, MAX_ATTACHMENT_BYTES } from "~/models/attachments/attachment-upload.server";
import {
  addAttachment,
  listAttachments,
  removeAttachment,
  replaceAttachment,
} from "~/models/attachments/attachments.server";
import {
  versionAttachmentFile,
  versionAttachmentFiles,
  versionAttachments,
} from "~/models/attachments/frozen-attachments.server";
import { createVersion } from "~/models/documents/versions.server";
import { MAX_UNPACKED_BYTES } from "~/models/drafts/docx-container.server";
import { createDraft, getDraft } from "~/models/drafts/drafts.server";
import { templateFor } from "~/editor/templates";
import { serverT } from "~/i18n/server-t.server";
import { ImportError } from "~/models/drafts/import-error.server";
import { db } from "~/utils/db.server";
import { clearRateLimits, RATE_LIMITS, RateLimitedError } from "~/utils/rate-limit.server";
import { createDraftSetup } from "../helpers/factories";
import { wordDocumentXml, wordParagraph, writeDocx, writeZip } from "../helpers/zip";

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, "latin1");
const docx = (text: string) => writeDocx({ content: wordDocumentXml(wordParagraph(text)) });
const odt = (text: string) =>
  writeZip([
    { name: "mimetype", content: "application/vnd.oasis.opendocument.text" },
    { name: "content.xml", content: `<office:document-content><text:p>${text}</text:p></office:document-content>` },
  ]);

async function refusal(step: () => unknown): Promise<string> {
  try {
    await step();
  } catch (error) {
    if (error instanceof ImportError) return error.messageKey;
    throw error;
  }
  return "accepted";
}

async function setup() {
  const { staff, draft, ministry } = await createDraftSetup();
  const who = { actorId: staff.id, clientAddress: "203.0.113.7", draftId: draft.id };
  return { staff, draft, ministry, who };
}

describe("the dossier's uploads are checked as imports are", () => {
  const bomb = Buffer.concat([
    Buffer.from(wordDocumentXml("").replace("</w:body>", "")),
    Buffer.alloc(MAX_UNPACKED_BYTES + 1024 * 1024, "A"),
    Buffer.from("</w:body></w:document>"),
  ]);
  it.each([
    {
      case: "a DOCX that is text",
      name: "note.docx",
      data: Buffer.from("just text"),
      key: "attachments.errors.notWhatItClaims",
    },
    { case: "a PDF that is a ZIP", name: "note.pdf", data: docx("x"), key: "attachments.errors.notWhatItClaims" },
    {
      case: "an ODT without content.xml",
      name: "note.odt",
      data: docx("x"),
      key: "attachments.errors.notWhatItClaims",
    },
    { case: "a type not taken", name: "note.exe", data: pdf("x"), key: "attachments.errors.type" },
    { case: "an empty file", name: "note.pdf", data: Buffer.alloc(0), key: "attachments.errors.fileRequired" },
    {
      case: "an oversized file",
      name: "note.pdf",
      data: Buffer.concat([pdf("x"), Buffer.alloc(MAX_ATTACHMENT_BYTES)]),
      key: "errors.fileTooLarge",
    },
    {
      case: "a zip bomb",
      name: "bomb.docx",
      data: writeDocx({ content: bomb }),
      key: "attachments.errors.tooLargeUnpacked",
    },
    {
      case: "a zip bomb lying about its size",
      name: "liar.docx",
      data: writeDocx({ content: bomb, declaredSize: 4096 }),
      key: "attachments.errors.tooLargeUnpacked",
    },
    {
      case: "an external entity",
      name: "xxe.odt",
      data: writeZip([
        { name: "content.xml", content: '<!DOCTYPE x [<!ENTITY s SYSTEM "file:///etc/passwd">]><x>&s;</x>' },
      ]),
      key: "attachments.errors.entities",
    },
  ])("refuses $case", async ({ name, data, key }) => {
    expect(await refusal(() => checkAttachmentUpload(name, data))).toBe(key);
  });

  it("takes DOCX, PDF and ODT", () => {
    expect(checkAttachmentUpload("a.docx", docx("x")).extension).toBe("docx");
    expect(checkAttachmentUpload("b.PDF", pdf("x")).extension).toBe("pdf");
    expect(checkAttachmentUpload("c.odt", odt("x")).extension).toBe("odt");
  });

  it("stores nothing when a file is refused", async () => {
    const { who } = await setup();
    const key = await refusal(() =>
      addAttachment({
        ...who,
        kind: "ANNEX",
        title: "Bomb",
        fileName: "bomb.docx",
        data: writeDocx({ content: bomb }),
      }),
    );
    expect(key).toBe("attachments.errors.tooLargeUnpacked");
    expect(await listAttachments(who.draftId)).toEqual([]);
  });
});

describe("attachments are versioned with the text", () => {
  it("freezes the attachments with a version, each by its SHA-256; later changes leave the version as it was", async () => {
    const { staff, draft, who } = await setup();
    const note = pdf("Հիմնավորում");
    const table = docx("Համեմատական աղյուսակ");
    const added = await addAttachment({
      ...who,
      kind: "EXPLANATORY_NOTE",
      title: "Հիմնավորում",
      fileName: "C:\\Users\\a\\note.pdf",
      data: note,
    });
    await addAttachment({
      ...who,
      kind: "COMPARATIVE_TABLE",
      title: "Համեմատական աղյուսակ",
      fileName: "table.docx",
      data: table,
    });
    expect(added.sha256).toBe(sha256(note));
    // A browser's path never becomes part of the stored name.
    expect(added.fileName).toBe("note.pdf");

    const first = await createVersion(staff.id, draft.id, "Consultation text");
    const frozen = await versionAttachments(first.id);
    expect(frozen.map((a) => [a.kind, a.sha256])).toEqual([
      ["EXPLANATORY_NOTE", sha256(note)],
      ["COMPARATIVE_TABLE", sha256(table)],
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "version.create", objectId: first.id } });
    expect(JSON.stringify(audit.details)).toContain(sha256(note));

    // Replacing and removing change the draft's dossier, never the frozen one.
    const newNote = pdf("Հիմնավորում, խմբագրված");
    await replaceAttachment({ ...who, attachmentId: added.id, fileName: "note-2.pdf", data: newNote });
    const tableRow = (await listAttachments(draft.id)).find((a) => a.kind === "COMPARATIVE_TABLE")!;
    expect(await removeAttachment({ ...who, attachmentId: tableRow.id })).toBe(true);
    const stillFrozen = await versionAttachmentFile(first.id, frozen[0]!.id);
    expect(sha256(stillFrozen!.data)).toBe(sha256(note));
    expect((await versionAttachments(first.id)).length).toBe(2);

    const second = await createVersion(staff.id, draft.id, "Revised");
    expect((await versionAttachments(second.id)).map((a) => a.sha256)).toEqual([sha256(newNote)]);
    // The same bytes are stored once, however many versions freeze them.
    expect(await db().attachmentFile.count({ where: { sha256: sha256(note) } })).toBe(1);
  });

  it("finds an attachment only in its own draft and version", async () => {
    const one = await setup();
    const other = await setup();
    const added = await addAttachment({ ...one.who, kind: "ANNEX", title: "Annex", fileName: "a.pdf", data: pdf("a") });
    expect(
      await replaceAttachment({ ...other.who, attachmentId: added.id, fileName: "b.pdf", data: pdf("b") }),
    ).toBeNull();
    expect(await removeAttachment({ ...other.who, attachmentId: added.id })).toBe(false);
    const version = await createVersion(one.staff.id, one.draft.id, "v");
    const otherVersion = await createVersion(other.staff.id, other.draft.id, "v");
    const [frozen] = await versionAttachments(version.id);
    expect(await versionAttachmentFile(otherVersion.id, frozen!.id)).toBeNull();
  });

  it("counts uploads against the attachment budget", async () => {
    await clearRateLimits();
    const { who } = await setup();
    const limit = RATE_LIMITS.attachment.account.max;
    for (let i = 0; i < limit; i++) {
      await addAttachment({ ...who, kind: "OTHER", title: `File ${i}`, fileName: "f.pdf", data: pdf(String(i)) });
    }
    await expect(
      addAttachment({ ...who, kind: "OTHER", title: "One too many", fileName: "f.pdf", data: pdf("late") }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    expect((await listAttachments(who.draftId)).length).toBe(limit);
    await clearRateLimits();
  });
});

describe("the package", () => {
  it("holds the text in three formats, the attachments and a manifest whose SHA-256s match the files", async () => {
    const { staff, ministry } = await setup();
    // An Armenian text: the package's names follow the text's language.
    const hy = serverT("hy");
    const draft = await createDraft(
      staff.id,
      {
        titleHy: "Տեղական ինքնակառավարման մասին",
        titleRu: null,
        titleKa: null,
        titleEn: null,
        kind: "LAW",
        ownerOrganizationId: ministry.id,
      },
      templateFor("LAW", (key) => hy(`templates.${key}`)),
    );
    const who = { actorId: staff.id, clientAddress: "203.0.113.7", draftId: draft.id };
    const note = pdf("Հիմնավորում");
    await addAttachment({ ...who, kind: "EXPLANATORY_NOTE", title: "Հիմնավորում", fileName: "note.pdf", data: note });
    await addAttachment({ ...who, kind: "ANNEX", title: "Հավելված 1", fileName: "annex.odt", data: odt("Հավելված") });
    const version = await createVersion(staff.id, draft.id, "Package");
    const source = (await loadActSource({ draft: (await getDraft(draft.id))!, versionId: version.id, locale: "en" }))!;
    const { zip } = await dossierPackage(source, await versionAttachmentFiles(version.id));

    const unpacked = await JSZip.loadAsync(zip);
    const manifest = JSON.parse(await unpacked.file("manifest.json")!.async("string")) as DossierManifest;
    expect(manifest.version?.textSha256).toBe(version.sha256);
    const inZip = Object.keys(unpacked.files).filter((name) => name !== "manifest.json" && !unpacked.files[name]!.dir);
    expect(inZip.sort()).toEqual(manifest.files.map((f) => f.path).sort());
    for (const file of manifest.files) {
      const bytes = await unpacked.file(file.path)!.async("nodebuffer");
      expect(sha256(bytes), file.path).toBe(file.sha256);
      expect(bytes.length).toBe(file.bytes);
    }
    const texts = manifest.files.filter((f) => f.role === "text").map((f) => f.path);
    expect(texts.some((p) => p.endsWith(".docx"))).toBe(true);
    expect(texts.some((p) => p.endsWith(".pdf"))).toBe(true);
    expect(texts.some((p) => p.endsWith(".akn.xml"))).toBe(true);
    const attachments = manifest.files.filter((f) => f.role === "attachment");
    expect(attachments.map((f) => f.sha256)).toEqual((await versionAttachments(version.id)).map((a) => a.sha256));
    // Names in the text's language, whatever the reader's: "01_Հիմնավորում_Հիմնավորում.pdf".
    expect(attachments[0]!.path).toBe("attachments/01_Հիմնավորում_Հիմնավորում.pdf");
    expect(attachments[1]!.path).toMatch(/^attachments\/02_Հավելված_Հավելված-1\.odt$/u);
    expect(await unpacked.file(attachments[0]!.path)!.async("nodebuffer")).toEqual(note);
  });
});
