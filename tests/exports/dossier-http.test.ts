import { createHash } from "node:crypto";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DossierManifest } from "~/exports/package/dossier-package.server";
import { MAX_UNPACKED_BYTES } from "~/models/drafts/docx-container.server";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";
import { createRoundAs, moveRound } from "../helpers/round-setup";
import { wordDocumentXml, writeDocx } from "../helpers/zip";

let app: RunningApp;
const { as, get, post } = demoSessions(() => app);
let draftId: string;

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const NOTE = Buffer.from("%PDF-1.4\n% Լրացուցիչ տեղեկանք\n%%EOF\n", "utf8");

/** The attachments page's form, as a browser sends it (multipart, same origin). */
async function upload(email: string, fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  if (file) body.set("file", new Blob([new Uint8Array(file.data)]), file.name);
  return fetch(`${app.url}/drafts/${draftId}/attachments`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: await as(email), Origin: app.origin },
    body,
  });
}

async function unzip(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/zip");
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const manifest = JSON.parse(await zip.file("manifest.json")!.async("string")) as DossierManifest;
  return { zip, manifest };
}

/** Every file the manifest names is in the ZIP with that SHA-256, and nothing else is. */
async function expectManifestHolds(zip: JSZip, manifest: DossierManifest) {
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir && name !== "manifest.json");
  expect(names.sort()).toEqual(manifest.files.map((f) => f.path).sort());
  for (const file of manifest.files) {
    expect(sha256(await zip.file(file.path)!.async("nodebuffer")), file.path).toBe(file.sha256);
  }
}

beforeAll(async () => {
  app = await startApp();
  const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
  draftId = draft.id;
});
afterAll(async () => {
  await app?.stop();
});

describe("the dossier over HTTP", () => {
  it("lets the ministry's staff add an attachment, and refuses everyone who may not edit", async () => {
    const added = await upload(
      "anahit@mta.example",
      { intent: "add", kind: "IMPACT_ASSESSMENT", title: "Կարգավորման ազդեցության գնահատում" },
      { name: "ազդեցություն.pdf", data: NOTE },
    );
    expect(added.status).toBe(200);
    const page = await (await get(`/drafts/${draftId}/attachments`, "anahit@mta.example")).text();
    // The demo dossier (explanatory note, comparative table) and the new file.
    expect(page).toContain("Համեմատական աղյուսակ");
    expect(page).toContain("Կարգավորման ազդեցության գնահատում");
    expect(page).toContain(sha256(NOTE));

    // A partner with comment access reads the dossier but may not change it.
    expect((await get(`/drafts/${draftId}/attachments`, "karen@aca.example")).status).toBe(200);
    const partner = await upload(
      "karen@aca.example",
      { intent: "add", kind: "ANNEX", title: "x" },
      { name: "x.pdf", data: NOTE },
    );
    expect(partner.status).toBe(403);
    // A stranger learns nothing: the draft is not there for them.
    expect((await get(`/drafts/${draftId}/attachments`, "olga@blagoveshchensk.example")).status).toBe(404);
    const stranger = await upload(
      "olga@blagoveshchensk.example",
      { intent: "add", kind: "ANNEX", title: "x" },
      { name: "x.pdf", data: NOTE },
    );
    expect(stranger.status).toBe(404);
    const row = await db().draftAttachment.findFirstOrThrow({ where: { draftId, sha256: sha256(NOTE) } });
    expect((await get(`/drafts/${draftId}/attachments/${row.id}`, "olga@blagoveshchensk.example")).status).toBe(404);
    const download = await get(`/drafts/${draftId}/attachments/${row.id}`, "karen@aca.example");
    expect(download.status).toBe(200);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(NOTE));
    expect(download.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/,
    );
  });

  it("answers hostile uploads with the message next to the file field, storing nothing", async () => {
    const before = await db().draftAttachment.count({ where: { draftId } });
    const bomb = writeDocx({
      content: Buffer.concat([Buffer.from(wordDocumentXml("")), Buffer.alloc(MAX_UNPACKED_BYTES + 1024 * 1024, "A")]),
      declaredSize: 4096,
    });
    const cases = [
      { name: "note.docx", data: Buffer.from("plain text"), message: "content does not match its name" },
      { name: "bomb.docx", data: bomb, message: "unpacks to more than 40 MB" },
      {
        name: "big.pdf",
        data: Buffer.concat([NOTE, Buffer.alloc(5 * 1024 * 1024 + 100 * 1024)]),
        message: "larger than 5 MB",
      },
    ];
    for (const hostile of cases) {
      const response = await upload("admin@agora.example", { intent: "add", kind: "ANNEX", title: "Hostile" }, hostile);
      expect(response.status, hostile.name).toBe(400);
      const html = await response.text();
      expect(html, hostile.name).toContain(hostile.message);
      expect(html, hostile.name).toMatch(/name="file"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="file"/);
    }
    expect(await db().draftAttachment.count({ where: { draftId } })).toBe(before);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it("freezes the dossier with a public round's version; the public downloads the package and re-hashes it", async () => {
    const roundId = await createRoundAs(post, "anahit@mta.example", draftId, {
      title: "Dossier round",
      audience: "PUBLIC",
    });
    const round = await db().consultationRound.findUniqueOrThrow({ where: { id: roundId } });
    const frozen = await db().versionAttachment.findMany({
      where: { versionId: round.versionId },
      orderBy: { position: "asc" },
    });
    // The demo law's note, table and annex written in the editor, then the assessment uploaded above.
    expect(frozen.map((a) => a.kind)).toEqual(["EXPLANATORY_NOTE", "COMPARATIVE_TABLE", "ANNEX", "IMPACT_ASSESSMENT"]);
    const assessment = frozen.find((a) => a.kind === "IMPACT_ASSESSMENT")!;

    // Scheduled rounds are not public yet; once open, a signed-out visitor gets everything.
    expect((await get(`/rounds/${roundId}/package.zip`)).status).not.toBe(200);
    await moveRound(roundId, "OPEN");
    const page = await (await get(`/rounds/${roundId}`)).text();
    expect(page).toContain(`/rounds/${roundId}/package.zip`);
    expect(page).toContain(`/rounds/${roundId}/attachments/${frozen[0]!.id}`);

    const packageResponse = await get(`/rounds/${roundId}/package.zip`);
    const disposition = decodeURIComponent(
      packageResponse.headers.get("Content-Disposition")!.split("filename*=UTF-8''")[1]!,
    );
    expect(disposition).toMatch(/_v\d+_փաթեթ\.zip$/u);
    const { zip, manifest } = await unzip(packageResponse);
    await expectManifestHolds(zip, manifest);
    expect(manifest.version?.textSha256).toBe(
      (await db().draftVersion.findUniqueOrThrow({ where: { id: round.versionId } })).sha256,
    );
    expect(manifest.files.filter((f) => f.role === "attachment").map((f) => f.sha256)).toEqual(
      frozen.map((a) => a.sha256),
    );
    expect(manifest.files.filter((f) => f.role === "text").map((f) => f.path.split(".").slice(1).join("."))).toEqual([
      "docx",
      "pdf",
      "akn.xml",
    ]);

    // Built once for everyone: the next visitor gets the very same bytes.
    const first = Buffer.from(await (await get(`/rounds/${roundId}/package.zip`)).arrayBuffer());
    const second = Buffer.from(await (await get(`/rounds/${roundId}/package.zip`)).arrayBuffer());
    expect(sha256(second)).toBe(sha256(first));

    const one = await get(`/rounds/${roundId}/attachments/${assessment.id}`);
    expect(one.status).toBe(200);
    expect(sha256(Buffer.from(await one.arrayBuffer()))).toBe(sha256(NOTE));

    // Replacing the file on the draft (still being written: the clock moved only the round)
    // leaves the round's copy as it was.
    const live = await db().draftAttachment.findFirstOrThrow({ where: { draftId, kind: "IMPACT_ASSESSMENT" } });
    const replaced = await upload(
      "anahit@mta.example",
      { intent: "replace", attachmentId: live.id },
      { name: "new.pdf", data: Buffer.from("%PDF-1.7\n% changed\n") },
    );
    expect(replaced.status).toBe(200);
    const again = await get(`/rounds/${roundId}/attachments/${assessment.id}`);
    expect(sha256(Buffer.from(await again.arrayBuffer()))).toBe(sha256(NOTE));

    // The version's own routes are for those who may see the draft, not the public.
    const versionPath = `/drafts/${draftId}/versions/${round.versionId}`;
    expect((await get(`${versionPath}/package.zip`)).status).toBe(302);
    expect((await get(`${versionPath}/package.zip`, "olga@blagoveshchensk.example")).status).toBe(404);
    expect((await get(`${versionPath}/attachments/${frozen[0]!.id}`, "karen@aca.example")).status).toBe(200);
    await expectManifestHolds(
      ...(Object.values(await unzip(await get(`${versionPath}/package.zip`, "karen@aca.example"))) as [
        JSZip,
        DossierManifest,
      ]),
    );
  });

  it("answers 404 for an attachment of another version, and hides invited rounds' dossiers", async () => {
    const other = await db().versionAttachment.findFirstOrThrow({ where: { version: { draftId } } });
    const signed = await db().draft.findFirstOrThrow({ where: { status: "SIGNED" } });
    expect((await get(`/register/${signed.id}/attachments/${other.id}`)).status).toBe(404);
    // A new draft of the ministry's with a round for one partner only.
    const mta = await db().organization.findUniqueOrThrow({ where: { slug: "mta" } });
    const aca = await db().organization.findUniqueOrThrow({ where: { slug: "aca" } });
    const { createDraft } = await import("~/models/drafts/drafts.server");
    const { EMPTY_DOCUMENT } = await import("~/editor/templates");
    const anahit = await db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } });
    const closed = await createDraft(
      anahit.id,
      {
        titleHy: null,
        titleRu: null,
        titleKa: null,
        titleEn: "Invited-only draft",
        kind: "DECISION",
        ownerOrganizationId: mta.id,
      },
      EMPTY_DOCUMENT,
    );
    const invited = await createRoundAs(post, "anahit@mta.example", closed.id, {
      title: "Invited only",
      audience: "INVITED",
      invited: [aca.id],
    });
    await moveRound(invited, "OPEN");
    expect((await get(`/rounds/${invited}/package.zip`, "olga@blagoveshchensk.example")).status).toBe(404);
  });

  it("shows a collegium review's dossier to its reviewers, and to no one outside it", async () => {
    const { createDraft } = await import("~/models/drafts/drafts.server");
    const { EMPTY_DOCUMENT } = await import("~/editor/templates");
    const { addAttachment } = await import("~/models/attachments/attachments.server");
    const { createVersion } = await import("~/models/documents/versions.server");
    const { sendForReview } = await import("~/models/collegium/reviews.server");
    const { asCurrentUser } = await import("../security/private-world");
    const anahit = await db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } });
    const mta = await db().organization.findUniqueOrThrow({ where: { slug: "mta" } });
    const reviewed = await createDraft(
      anahit.id,
      {
        titleHy: "Ֆինանսական հավասարեցման մասին",
        titleRu: null,
        titleKa: null,
        titleEn: null,
        kind: "LAW",
        ownerOrganizationId: mta.id,
      },
      EMPTY_DOCUMENT,
    );
    const note = Buffer.from("%PDF-1.4\n% review note\n");
    await addAttachment({
      actorId: anahit.id,
      clientAddress: "192.0.2.1",
      draftId: reviewed.id,
      kind: "EXPLANATORY_NOTE",
      title: "Հիմնավորում",
      fileName: "note.pdf",
      data: note,
    });
    const version = await createVersion(anahit.id, reviewed.id, "For the collegium");
    const body = await db().collegiumBody.findFirstOrThrow({ where: { organizationId: mta.id } });
    const review = await sendForReview(await asCurrentUser(anahit.id), reviewed.id, {
      bodyId: body.id,
      versionId: version.id,
      dueAt: new Date(Date.now() + 7 * 86_400_000),
      note: "",
    });
    const [frozen] = await db().versionAttachment.findMany({ where: { versionId: version.id } });
    const page = await (await get(`/reviews/${review.id}`, "armen@ucfo.example")).text();
    expect(page).toContain(`/reviews/${review.id}/attachments/${frozen!.id}`);
    const { zip, manifest } = await unzip(await get(`/reviews/${review.id}/package.zip`, "armen@ucfo.example"));
    await expectManifestHolds(zip, manifest);
    expect(manifest.files.filter((f) => f.role === "attachment").map((f) => f.sha256)).toEqual([sha256(note)]);
    expect((await get(`/reviews/${review.id}/package.zip`, "olga@blagoveshchensk.example")).status).toBe(404);
    expect((await get(`/reviews/${review.id}/attachments/${frozen!.id}`, "olga@blagoveshchensk.example")).status).toBe(
      404,
    );
    expect((await get(`/reviews/${review.id}/package.zip`)).status).toBe(302);
  });

  it("offers the register entry's final dossier to everyone", async () => {
    const signed = await db().draft.findFirstOrThrow({ where: { status: "SIGNED" } });
    const page = await (await get(`/register/${signed.id}`)).text();
    expect(page).toContain(`/register/${signed.id}/package.zip`);
    const { zip, manifest } = await unzip(await get(`/register/${signed.id}/package.zip`));
    await expectManifestHolds(zip, manifest);
    expect(manifest.files.filter((f) => f.role === "text")).toHaveLength(3);
  });
});

/** The parts of a Word download a test reads. */
async function wordXml(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toContain("wordprocessingml");
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  return { document: await zip.file("word/document.xml")!.async("string") };
}

describe("exports of an act in several languages", () => {
  const zipNames = async (response: Response) => {
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    return { zip, names: Object.keys(zip.files).sort() };
  };

  it("offers the live texts in columns and per language to whoever may read the draft", async () => {
    const lsgId = draftId;
    const zugdidi = await db().draft.findFirstOrThrow({ where: { ownerOrganization: { slug: "zugdidi" } } });
    const { document } = await wordXml(await get(`/drafts/${zugdidi.id}/export.parallel.docx`, "nino@zugdidi.example"));
    expect(document.match(/<w:tbl>/g)?.length).toBe(1);
    expect(document).toContain("მუხლი 1.");
    expect(document).toContain("Article 1.");
    expect(document).toContain('<w:lang w:val="en-US"/>');
    const { zip, names } = await zipNames(await get(`/drafts/${zugdidi.id}/export.akn.zip`, "nino@zugdidi.example"));
    expect(names).toEqual([`draft-${zugdidi.id}-live.eng.akn.xml`, `draft-${zugdidi.id}-live.kat.akn.xml`]);
    // The demo's Georgian text is authoritative: the English one says it is its translation.
    const english = await zip.file(names[0]!)!.async("string");
    expect(english).toContain('fromLanguage="kat" authoritative="false"');
    // The draft page links to them; the same guard as the text; a draft with one text has none.
    const page = await (await get(`/drafts/${zugdidi.id}`, "nino@zugdidi.example")).text();
    expect(page).toContain(`/drafts/${zugdidi.id}/export.parallel.docx`);
    expect(await (await get(`/drafts/${lsgId}`, "anahit@mta.example")).text()).not.toContain("export.parallel.docx");
    expect((await get(`/drafts/${zugdidi.id}/export.parallel.docx`, "anahit@mta.example")).status).toBe(404);
    expect((await get(`/drafts/${zugdidi.id}/export.akn.zip`)).status).toBe(302);
    expect((await get(`/drafts/${lsgId}/export.parallel.docx`, "anahit@mta.example")).status).toBe(404);
    expect((await get(`/drafts/${lsgId}/export.akn.zip`, "anahit@mta.example")).status).toBe(404);
  });

  it("lists every text of a signed agreement in the register, translations as translations, each with its exports", async () => {
    const signed = await db().draft.findFirstOrThrow({ where: { status: "SIGNED" } });
    const olga = await db().user.findUniqueOrThrow({ where: { email: "olga@blagoveshchensk.example" } });
    const { addLanguageText } = await import("~/models/texts/language-texts.server");
    // Made before the signature in real life; here added to the signed demo agreement directly.
    const english = await addLanguageText({
      actorId: olga.id,
      clientAddress: "203.0.113.40",
      draftId: signed.id,
      language: "en",
      mode: "copy",
    });
    // Signed in, past the public page cache (this test writes the database behind the platform's back).
    const entry = async (email?: string) => (await get(`/register/${signed.id}`, email)).text();
    const authorities = (html: string) =>
      [...html.matchAll(/data-testid="register-text" data-authority="(\w+)"/g)].map((m) => m[1]);
    expect(authorities(await entry("olga@blagoveshchensk.example"))).toEqual(["equal", "equal"]);
    await db().draft.update({ where: { id: signed.id }, data: { authoritativeDocumentId: signed.id } });
    const html = await entry();
    expect(authorities(html)).toEqual(["authoritative", "translation"]);
    expect(html).toContain(`/register/${signed.id}/final.docx?text=${english.id}`);
    expect(html).toContain(`/register/${signed.id}/final.parallel.docx`);
    const api = (await (await get(`/api/v1/register/${signed.id}`)).json()) as {
      data: { texts: { language: string; authority: string; links: { docx: string } }[] };
    };
    expect(api.data.texts.map((text) => [text.language, text.authority])).toEqual([
      ["ru", "authoritative"],
      ["en", "translation"],
    ]);
    expect(api.data.texts[1]!.links.docx).toMatch(
      new RegExp(`/register/${signed.id}/final\\.docx\\?text=${english.id}$`),
    );

    // Each text's own view and exports, in its language; an id of no text of this entry is 404.
    const shown = await (await get(`/register/${signed.id}?text=${english.id}`)).text();
    expect(shown).toContain('data-testid="register-language-text"');
    expect(shown).toContain('lang="en"');
    const { document } = await wordXml(await get(`/register/${signed.id}/final.docx?text=${english.id}`));
    expect(document).toContain("Article 1.");
    expect(document).not.toContain("Статья 1.");
    const xml = await (await get(`/register/${signed.id}/final.akn.xml?text=${english.id}`)).text();
    expect(xml).toContain('<FRBRlanguage language="eng"/>');
    expect((await get(`/register/${signed.id}/final.docx?text=nope`)).status).toBe(404);
    const main = await wordXml(await get(`/register/${signed.id}/final.docx`));
    expect(main.document).toContain("Статья 1.");

    // All texts together: columns, and one Akoma Ntoso act per language.
    const parallel = await wordXml(await get(`/register/${signed.id}/final.parallel.docx`));
    expect(parallel.document).toContain("Статья 1.");
    expect(parallel.document).toContain("Article 1.");
    const { zip, names } = await zipNames(await get(`/register/${signed.id}/final.akn.zip`));
    expect(names.map((name) => name.replace(/^.*\.(\w+)\.akn\.xml$/, "$1"))).toEqual(["eng", "rus"]);
    for (const name of names) expect(await zip.file(name)!.async("string")).toContain("<act ");
    const printed = await (await get(`/register/${signed.id}?text=all`)).text();
    expect(printed).toContain('data-testid="parallel-document"');
    // Not in the register: nothing of it, text or not.
    const drafting = await db().draft.findFirstOrThrow({ where: { ownerOrganization: { slug: "zugdidi" } } });
    expect((await get(`/register/${drafting.id}/final.parallel.docx`)).status).toBe(404);
  });
});
