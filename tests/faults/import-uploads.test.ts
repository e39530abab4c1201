import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DICTIONARIES } from "~/i18n/dictionaries";
import { createTranslate } from "~/i18n/translate";
import { importFile, MAX_IMPORT_BYTES } from "~/models/drafts/draft-import.server";
import { MAX_UNPACKED_BYTES } from "~/models/drafts/docx-container.server";
import { ImportError } from "~/models/drafts/import-error.server";
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
});
