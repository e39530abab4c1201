import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

let app: RunningApp;
const { get } = demoSessions(() => app);
let draftId: string;
let versionId: string;

async function wordXml(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toContain("wordprocessingml");
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  return {
    document: await zip.file("word/document.xml")!.async("string"),
    comments: (await zip.file("word/comments.xml")?.async("string")) ?? "",
    footer: (await zip.file("word/footer1.xml")?.async("string")) ?? "",
  };
}

beforeAll(async () => {
  app = await startApp();
  const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
  draftId = draft.id;
  const anahit = await db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } });
  const karen = await db().user.findUniqueOrThrow({ where: { email: "karen@aca.example" } });
  const { createVersion } = await import("~/models/documents/versions.server");
  versionId = (await createVersion(anahit.id, draftId, "For the export")).id;
  // One working-group thread from the partner, one internal thread of the ministry.
  await db().commentThread.create({
    data: {
      draftId,
      articleId: "lsg-a1",
      visibility: "WORKING_GROUP",
      authorId: karen.id,
      comments: { create: [{ authorId: karen.id, body: "Working-group remark on article one" }] },
    },
  });
  await db().commentThread.create({
    data: {
      draftId,
      articleId: "lsg-a2",
      visibility: "INTERNAL",
      authorId: anahit.id,
      comments: { create: [{ authorId: anahit.id, body: "Ministry-internal note" }] },
    },
  });
});
afterAll(async () => {
  await app?.stop();
});

describe("DOCX export of a draft's text", () => {
  it("writes Word headings, numbers and labels in the text's language, the SHA-256 in the footer", async () => {
    const response = await get(`/drafts/${draftId}/versions/${versionId}/export.docx`, "anahit@mta.example");
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const { document, footer } = await wordXml(response);
    // Chapters are Heading 1, articles Heading 2; the numbers are text in the text's language.
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Գլուխ 1\./);
    expect(document).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Հոդված 1\./);
    expect(document).toContain("Օրենքի 38-րդ հոդվածի 1-ին մասը");
    expect(document).toContain("ՆԱԽԱԳԻԾ");
    const version = await db().draftVersion.findUniqueOrThrow({ where: { id: versionId } });
    expect(footer).toContain(version.sha256);
    expect(footer).toContain("Տեքստի SHA-256");
    // A name a person can read, in the text's language, with an RFC 6266 fallback.
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toMatch(/^.+_v\d+\.docx$/u);
    // An English reader gets the same document: its labels follow the text, not the reader.
    const english = await wordXml(
      await get(`/drafts/${draftId}/versions/${versionId}/export.docx`, "admin@agora.example"),
    );
    expect(english.document).toContain("Հոդված 1.");
    expect(english.footer).toContain("Տեքստի SHA-256");
  });

  it("exports the live text with the same guard as reading the draft", async () => {
    const live = await wordXml(await get(`/drafts/${draftId}/export.docx`, "karen@aca.example"));
    expect(live.document).toContain("Օրենքի 38-րդ հոդվածի 1-ին մասը");
    expect((await get(`/drafts/${draftId}/export.docx`, "nino@zugdidi.example")).status).toBe(404);
    expect((await get(`/drafts/${draftId}/versions/${versionId}/export.docx`, "nino@zugdidi.example")).status).toBe(
      404,
    );
    expect((await get(`/drafts/${draftId}/export.docx`)).status).toBe(302);
    expect((await get(`/drafts/${draftId}/versions/nope/export.docx`, "karen@aca.example")).status).toBe(404);
  });

  it("adds working-group comments as Word comments on their article only when asked", async () => {
    const plain = await wordXml(await get(`/drafts/${draftId}/export.docx`, "karen@aca.example"));
    expect(plain.comments).not.toContain("Working-group remark");
    const withComments = await wordXml(await get(`/drafts/${draftId}/export.docx?comments=1`, "karen@aca.example"));
    expect(withComments.comments).toContain("Working-group remark on article one");
    expect(withComments.comments).toContain('w:author="Կարեն Գրիգորյան"');
    expect(withComments.comments).not.toContain("Ministry-internal note");
    // Anchored on article 1's heading: the range opens in the paragraph that carries "Հոդված 1.".
    const heading = withComments.document.match(
      /<w:p>(?:(?!<\/w:p>)[\s\S])*?Հոդված 1\.(?:(?!<\/w:p>)[\s\S])*<\/w:p>/,
    )?.[0];
    expect(heading).toContain("<w:commentRangeStart");
    // The ministry's own staff get the working-group threads too, never its internal notes.
    const owner = await wordXml(await get(`/drafts/${draftId}/export.docx?comments=1`, "anahit@mta.example"));
    expect(owner.comments).toContain("Working-group remark on article one");
    expect(owner.comments).not.toContain("Ministry-internal note");
  });

  it("serves the PDF of a version and of the live text with the same guard, named in the text's language", async () => {
    const response = await get(`/drafts/${draftId}/versions/${versionId}/export.pdf`, "karen@aca.example");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const disposition = response.headers.get("Content-Disposition") ?? "";
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toMatch(/_v\d+\.pdf$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await get(`/drafts/${draftId}/export.pdf`, "karen@aca.example")).status).toBe(200);
    expect((await get(`/drafts/${draftId}/export.pdf`, "nino@zugdidi.example")).status).toBe(404);
    expect((await get(`/drafts/${draftId}/versions/${versionId}/export.pdf`, "nino@zugdidi.example")).status).toBe(404);
  });

  it("serves Akoma Ntoso XML of a version and of the live text to readers only", async () => {
    const version = await get(`/drafts/${draftId}/versions/${versionId}/export.akn.xml`, "karen@aca.example");
    expect(version.status).toBe(200);
    expect(version.headers.get("Content-Type")).toContain("xml");
    const xml = await version.text();
    expect(xml).toContain("<bill ");
    expect(xml).toContain('<article eId="art_lsg-a1">');
    expect((await get(`/drafts/${draftId}/export.akn.xml`, "karen@aca.example")).status).toBe(200);
    expect((await get(`/drafts/${draftId}/export.akn.xml`, "nino@zugdidi.example")).status).toBe(404);
    expect((await get(`/drafts/${draftId}/versions/${versionId}/export.akn.xml`, "nino@zugdidi.example")).status).toBe(
      404,
    );
  });
});
