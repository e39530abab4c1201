import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { demoPlatformForThisFile } from "../helpers/demo-sessions";

/**
 * An expert with an English interface reads an Armenian law: the text's labels are
 * Armenian, the interface around them English. An editor of the text (a partner the draft is
 * shared with for editing) says it is Russian; a commenter may not; a language outside the
 * list is refused next to the field.
 */
const { get, post } = demoPlatformForThisFile();
const EDITOR = "lilit@ucfo.example"; // a partner with an edit grant, no interface language of her own
const COMMENTER = "karen@aca.example"; // comment-only grant
let draftId: string;
let versionId: string;

beforeAll(async () => {
  const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
  draftId = draft.id;
  const anahit = await db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } });
  const { createVersion } = await import("~/models/documents/versions.server");
  versionId = (await createVersion(anahit.id, draftId, "Labels")).id;
});

async function versionPage(id = versionId) {
  const response = await get(`/drafts/${draftId}/versions/${id}`, EDITOR);
  expect(response.status).toBe(200);
  return response.text();
}

async function docx(id = versionId) {
  const response = await get(`/drafts/${draftId}/versions/${id}/export.docx`, EDITOR);
  expect(response.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  return {
    document: await zip.file("word/document.xml")!.async("string"),
    styles: await zip.file("word/styles.xml")!.async("string"),
  };
}

describe("the language of a draft's text", () => {
  it("labels an Armenian text in Armenian for an English reader, with lang on the text", async () => {
    const html = await versionPage();
    expect(html).toMatch(/<div class="legal-document frozen-document" lang="hy">/);
    expect(html).toContain("Հոդված 1.");
    expect(html).not.toContain("Article 1.");
    // The interface around it stays in the reader's language.
    expect(html).toContain('<html lang="en"');
  });

  it("is changed by an editor of the text, not by a commenter, and only to a listed language", async () => {
    const page = await get(`/drafts/${draftId}/language`, EDITOR);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Language of the text");

    expect((await get(`/drafts/${draftId}/language`, COMMENTER)).status).toBe(403);
    expect((await post(`/drafts/${draftId}/language`, COMMENTER, { textLanguage: "ru" })).status).toBe(403);

    const wrong = await post(`/drafts/${draftId}/language`, EDITOR, { textLanguage: "xx" });
    expect(wrong.status).toBe(400);
    // The message next to the field, in the interface's language (Armenian: this POST names none).
    expect(await wrong.text()).toContain("Ընտրեք նշված լեզուներից մեկը։");
    expect((await db().draft.findUniqueOrThrow({ where: { id: draftId } })).textLanguage).toBe("hy");

    const changed = await post(`/drafts/${draftId}/language`, EDITOR, { textLanguage: "ru" });
    expect(changed.status).toBe(302);
    expect((await db().draft.findUniqueOrThrow({ where: { id: draftId } })).textLanguage).toBe("ru");
    const audited = await db().auditEvent.findFirst({ where: { action: "draft.textLanguage", objectId: draftId } });
    expect(audited?.details).toEqual({ from: "hy", to: "ru" });
  });

  it("then labels a version frozen after it in Russian, with Word's Russian tag; the earlier one keeps its language", async () => {
    const anahit = await db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } });
    const { createVersion } = await import("~/models/documents/versions.server");
    const russian = (await createVersion(anahit.id, draftId, "Russian labels")).id;
    const html = await versionPage(russian);
    expect(html).toMatch(/<div class="legal-document frozen-document" lang="ru">/);
    expect(html).toContain("Статья 1.");
    const { document, styles } = await docx(russian);
    expect(document).toContain("Статья 1.");
    expect(styles).toContain('<w:lang w:val="ru-RU"/>');
    // A version freezes the language of its text with it (decision 024).
    expect(await versionPage()).toMatch(/<div class="legal-document frozen-document" lang="hy">/);
    expect((await docx()).document).toContain("Հոդված 1.");
  });
});
