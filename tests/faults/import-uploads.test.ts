import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DICTIONARIES } from "~/i18n/dictionaries";
import { createTranslate } from "~/i18n/translate";
import { importFile, MAX_IMPORT_BYTES } from "~/models/drafts/draft-import.server";
import { MAX_UNPACKED_BYTES } from "~/models/drafts/docx-container.server";
import { ImportError } from "~/models/drafts/import-error.server";
import { listSuggestions } from "~/editor/suggestions";
import { loadDocument } from "~/models/documents/document-log.server";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";
import { wordDocumentXml, wordParagraph, writeDocx } from "../helpers/zip";

/** document.xml that inflates past the limit from a few hundred KB: a zip bomb. */
function bombXml(): Buffer {
  const [head, tail] = wordDocumentXml(wordParagraph("\u0000")).split("\u0000") as [string, string];
  return Buffer.concat([Buffer.from(head), Buffer.alloc(MAX_UNPACKED_BYTES + 1024 * 1024, "A"), Buffer.from(tail)]);
}

const XXE_PROLOG = `<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>`;

/** Every refused upload of the row 13, with the message shown next to the file field. */
function badUploads(): { case: string; name: string; data: Buffer; message: string }[] {
  const bomb = bombXml();
  return [
    {
      case: "oversize file",
      name: "big.md",
      data: Buffer.alloc(MAX_IMPORT_BYTES + 1, "a"),
      message: "errors.fileTooLarge",
    },
    {
      case: "wrong magic bytes (.docx that is text)",
      name: "law.docx",
      data: Buffer.from("# Not a Word file\nArticle 1."),
      message: "faults.importNotDocx",
    },
    {
      case: "wrong magic bytes (.md that is a ZIP)",
      name: "law.md",
      data: writeDocx({ content: wordDocumentXml(wordParagraph("x")) }),
      message: "faults.importNotText",
    },
    {
      case: "zip bomb",
      name: "bomb.docx",
      data: writeDocx({ content: bomb }),
      message: "faults.importTooLargeUnpacked",
    },
    {
      case: "zip bomb whose headers lie about the size",
      name: "liar.docx",
      data: writeDocx({ content: bomb, declaredSize: 4096 }),
      message: "faults.importTooLargeUnpacked",
    },
    {
      case: "external entity (XXE)",
      name: "xxe.docx",
      data: writeDocx({ content: wordDocumentXml(wordParagraph("&secret;"), XXE_PROLOG) }),
      message: "faults.importExternalEntities",
    },
  ];
}

describe("the importer refuses hostile files", () => {
  it.each(badUploads())("$case", async ({ name, data, message }) => {
    const refusal = await importFile(name, data).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ImportError);
    expect((refusal as ImportError).messageKey).toBe(message);
  });

  it("still imports an ordinary Word file", async () => {
    const doc = await importFile(
      "law.docx",
      writeDocx({ content: wordDocumentXml(wordParagraph("Հոդված 1. Ընդհանուր")) }),
    );
    expect(JSON.stringify(doc)).toContain("Ընդհանուր");
  });
});

describe("uploading hostile files to 'new draft'", () => {
  let app: RunningApp;
  const { as } = demoSessions(() => app);
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("shows a clear error next to the file field, stores nothing, and keeps serving", async () => {
    const t = createTranslate(DICTIONARIES.hy); // Anahit's language
    const mta = await db().organization.findUniqueOrThrow({ where: { slug: "mta" } });
    const draftsBefore = await db().draft.count();
    for (const upload of badUploads()) {
      const body = new FormData();
      body.set("titleEn", `Upload test: ${upload.case}`);
      body.set("kind", "LAW");
      body.set("ownerOrganizationId", mta.id);
      body.set("initialContent", "import");
      body.set("textLanguage", "hy");
      body.set("file", new Blob([new Uint8Array(upload.data)]), upload.name);
      const response = await fetch(`${app.url}/drafts/new`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: await as("anahit@mta.example"), Origin: app.origin },
        body,
      });
      expect(response.status, upload.case).toBe(400);
      const html = await response.text();
      expect(html, upload.case).toContain(t(upload.message));
      expect(html, upload.case).toMatch(/name="file"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="file"/);
      expect(html).not.toContain("root:x:0:0");
    }
    expect(await db().draft.count()).toBe(draftsBefore);
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it("the same files sent as a Word review of a draft get the same 4xx; a real one becomes live suggestions", async () => {
    const t = createTranslate(DICTIONARIES.hy);
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const cookie = await as("anahit@mta.example");
    const send = (data: Buffer | Uint8Array, name: string) => {
      const body = new FormData();
      body.set("file", new Blob([new Uint8Array(data)]), name);
      return fetch(`${app.url}/drafts/${draft.id}/word-import`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: app.origin },
        body,
      });
    };
    for (const upload of badUploads().filter((u) => u.name.endsWith(".docx") || u.case === "oversize file")) {
      const response = await send(upload.data, upload.name.replace(/\.md$/, ".docx"));
      expect(response.status, upload.case).toBe(400);
      const html = await response.text();
      expect(html, upload.case).toContain(t(upload.message));
      expect(html, upload.case).toMatch(/name="file"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="file"/);
    }
    // Far over the limit: the body limit answers before the form is read, still with the message.
    const huge = await send(Buffer.alloc(MAX_IMPORT_BYTES + 3 * 1024 * 1024, "a"), "huge.docx");
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);

    // The draft's own export with its pending suggestions as tracked changes, sent back: through
    // this server's collab path into the live text, by the uploader, Word's names kept.
    const before = listSuggestions((await loadDocument(draft.id)).doc);
    const exported = await fetch(`${app.url}/drafts/${draft.id}/export.docx?suggestions=1`, {
      headers: { Cookie: cookie },
    });
    expect(exported.status).toBe(200);
    const imported = await send(Buffer.from(await exported.arrayBuffer()), "review.docx");
    expect(imported.status).toBe(200);
    const anahit = await db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } });
    const after = listSuggestions((await loadDocument(draft.id)).doc);
    const fromWord = after.filter((s) => s.source?.kind === "word");
    expect(fromWord.length).toBeGreaterThan(0);
    expect(fromWord.length).toBe(after.length - before.length);
    expect(fromWord.every((s) => s.authorId === anahit.id)).toBe(true);
    expect(fromWord.map((s) => s.source?.author).sort()).toEqual(
      before
        .filter((s) => fromWord.some((w) => w.text === s.text && w.quote === s.quote))
        .map((s) => s.authorName)
        .sort(),
    );
  });
});
