import JSZip from "jszip";
import * as Y from "yjs";
import { beforeAll, describe, expect, it } from "vitest";
import { documentIdOf } from "~/editor/document-id";
import { appendUpdate, loadDocument } from "~/models/documents/document-log.server";
import { db } from "~/utils/db.server";
import { demoPlatformForThisFile } from "../helpers/demo-sessions";
import { createRoundAs, moveRound } from "../helpers/round-setup";

/**
 * The demo Yerevan–partner-city agreement (Armenian with a Russian text) has a version frozen
 * with both texts: its page lists each text with its SHA-256 and the set's, and its downloads
 * read the frozen texts even after the live Russian text changed.
 */
const { get, post } = demoPlatformForThisFile();
const NARE = "nare@yerevan.example";
let draftId: string;
let versionId: string;
let russianId: string;

beforeAll(async () => {
  const draft = await db().draft.findFirstOrThrow({
    where: { titleRu: { contains: "Ереваном" } },
    include: { versions: { include: { texts: true } }, texts: true },
  });
  draftId = draft.id;
  versionId = draft.versions[0]!.id;
  russianId = draft.texts.find((text) => text.textLanguage === "ru")!.id;
});

/** Someone writes in the live Russian text after the version was frozen. */
async function writeInLiveRussian(words: string) {
  const documentId = documentIdOf(draftId, russianId);
  const { doc } = await loadDocument(documentId);
  const before = Y.encodeStateVector(doc);
  const paragraph = doc.getXmlFragment("default").toArray()[0] as Y.XmlElement;
  paragraph.insert(paragraph.length, [new Y.XmlText(words)]);
  await appendUpdate(documentId, Y.encodeStateAsUpdate(doc, before));
  doc.destroy();
}

async function zipText(response: Response) {
  expect(response.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const names = Object.keys(zip.files).sort();
  return { zip, names };
}

describe("a version of an agreement in two languages", () => {
  it("was seeded with both texts, each hash and the set's", async () => {
    const version = await db().draftVersion.findUniqueOrThrow({ where: { id: versionId }, include: { texts: true } });
    expect(version.setSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(version.texts.map((text) => text.textLanguage)).toEqual(["ru"]);
  });

  it("shows every text with its SHA-256 and the set's, and each text or all side by side", async () => {
    const version = await db().draftVersion.findUniqueOrThrow({ where: { id: versionId }, include: { texts: true } });
    const html = await (await get(`/drafts/${draftId}/versions/${versionId}`, NARE)).text();
    expect(html).toContain('data-testid="version-texts"');
    const hashes = [...html.matchAll(/data-testid="version-text-sha256">([0-9a-f]{64})</g)].map((m) => m[1]);
    expect(hashes).toEqual([version.sha256, version.texts[0]!.sha256]);
    expect(html).toContain(`data-testid="version-set-sha256">${version.setSha256}<`);
    expect(html).toContain(`/drafts/${draftId}/versions/${versionId}/export.parallel.docx`);

    const russian = await (await get(`/drafts/${draftId}/versions/${versionId}?text=${russianId}`, NARE)).text();
    expect(russian).toContain('data-testid="version-language-text"');
    expect(russian).toContain("Статья 1.");
    const all = await (await get(`/drafts/${draftId}/versions/${versionId}?text=all`, NARE)).text();
    expect(all).toContain('data-testid="parallel-document"');
  });

  it("exports the frozen texts, not the live ones changed afterwards", async () => {
    await writeInLiveRussian(" Слова, написанные позже.");
    const base = `/drafts/${draftId}/versions/${versionId}`;
    const docx = await zipText(await get(`${base}/export.parallel.docx`, NARE));
    const document = await docx.zip.file("word/document.xml")!.async("string");
    expect(document).toContain("Статья 1.");
    expect(document).not.toContain("написанные позже");
    const akn = await zipText(await get(`${base}/export.akn.zip`, NARE));
    expect(akn.names.map((name) => name.replace(/^.*\.(\w+)\.akn\.xml$/, "$1"))).toEqual(["hye", "rus"]);
    for (const name of akn.names) expect(await akn.zip.file(name)!.async("string")).not.toContain("написанные позже");
    const single = await zipText(await get(`${base}/export.docx?text=${russianId}`, NARE));
    expect(await single.zip.file("word/document.xml")!.async("string")).not.toContain("написанные позже");
    // The live texts' download has the later words: the version's did not read them.
    const live = await zipText(await get(`/drafts/${draftId}/export.parallel.docx`, NARE));
    expect(await live.zip.file("word/document.xml")!.async("string")).toContain("написанные позже");
    expect((await get(`${base}/export.docx?text=nope`, NARE)).status).toBe(404);
  });

  it("opens a round on both texts: each readable, and a proposal names the text it concerns", async () => {
    const roundId = await createRoundAs(post, NARE, draftId, { title: "Public discussion", audience: "PUBLIC" });
    await moveRound(roundId, "OPEN");
    const round = await db().consultationRound.findUniqueOrThrow({ where: { id: roundId } });
    const russian = await db().versionText.findFirstOrThrow({ where: { versionId: round.versionId } });
    const page = await (await get(`/rounds/${roundId}`, NARE)).text();
    expect(page).toContain('data-testid="version-texts"');
    expect(page).toContain('data-testid="version-set-sha256"');
    // The open data gives the set hash with the consulted version.
    const api = (await (await get(`/api/v1/rounds/${roundId}/version`)).json()) as { data: { setSha256: string } };
    const version = await db().draftVersion.findUniqueOrThrow({ where: { id: round.versionId } });
    expect(api.data.setSha256).toBe(version.setSha256);

    const CITIZEN = "irina@citizen.example";
    const shown = await (await get(`/rounds/${roundId}?text=${russianId}`, CITIZEN)).text();
    expect(shown).toContain("Статья 1.");
    expect(shown).toContain('name="versionTextId"');
    expect(shown).toMatch(new RegExp(`<option value="${russian.id}" selected=""`));

    const articleId = (russian.content as { content: { type: string; attrs: { id: string } }[] }).content.find(
      (node) => node.type === "article",
    )!.attrs.id;
    const fields = { intent: "submit", articleId, proposedText: "Уточнить формулировку", justification: "Ясность" };
    const sent = await post(`/rounds/${roundId}`, CITIZEN, { ...fields, versionTextId: russian.id });
    expect(sent.status).toBe(302);
    const proposal = await db().proposal.findFirstOrThrow({ where: { roundId, proposedText: fields.proposedText } });
    expect(proposal.versionTextId).toBe(russian.id);
    // A text of no version of this round: the message next to the field, nothing stored.
    const refused = await post(`/rounds/${roundId}`, CITIZEN, { ...fields, versionTextId: "nope" });
    expect(refused.status).toBe(409);
    // In her interface language (Russian).
    expect(await refused.text()).toContain("Выберите один из текстов этой версии.");
    expect(await db().proposal.count({ where: { roundId } })).toBe(1);
  });
});
