import { describe, expect, it } from "vitest";
import { roomName } from "~/editor/collab-protocol";
import { documentIdOf } from "~/editor/document-id";
import { writeAttachment } from "~/models/attachments/written-attachments.server";
import { addLanguageText } from "~/models/texts/language-texts.server";
import { loadDocument } from "~/models/documents/document-log.server";
import { shareDraft } from "~/models/drafts/drafts.server";
import { db } from "~/utils/db.server";
import { fragmentText, sessionCookieFor, typeParagraph, upgradeStatus, waitForSync } from "../helpers/collab";
import { collabServerForFile } from "../helpers/collab-test-server";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

/** A draft's other texts (here an attachment written in the editor): own rooms, own logs, the draft's access. */
const { server, connect } = collabServerForFile();

async function storedText(documentId: string): Promise<string> {
  const { doc } = await loadDocument(documentId);
  return fragmentText(doc);
}

async function draftWithWrittenNote() {
  const setup = await createDraftSetup();
  const note = await writeAttachment({
    actorId: setup.staff.id,
    clientAddress: "203.0.113.9",
    draftId: setup.draft.id,
    kind: "EXPLANATORY_NOTE",
    title: "Հիմնավորում",
  });
  return { ...setup, note, documentId: documentIdOf(setup.draft.id, note.textId) };
}

async function partnerWith(level: "EDIT" | "SUGGEST" | "COMMENT", draftId: string, staffId: string) {
  const ngo = await createOrganization("NGO", "Union of Community Finance Officers");
  const expert = await createUser({ name: "Լիլիթ" });
  await addMember(expert.id, ngo.id);
  await shareDraft(staffId, draftId, { organizationId: ngo.id }, level);
  return sessionCookieFor(expert.id);
}

describe("a draft's other texts", () => {
  it("are live documents of their own: edits stay in their text, and the main text is untouched", async () => {
    const { staff, draft, documentId } = await draftWithWrittenNote();
    const cookie = await sessionCookieFor(staff.id);
    const main = connect(server, draft.id, cookie);
    const note = connect(server, documentId, cookie);
    const otherEditor = connect(server, documentId, await partnerWith("EDIT", draft.id, staff.id));
    await Promise.all([waitForSync(main), waitForSync(note), waitForSync(otherEditor)]);
    typeParagraph(note, "Նախագծի ընդունման անհրաժեշտությունը");
    typeParagraph(main, "Article text");
    await expect.poll(() => otherEditor.text()).toContain("Նախագծի ընդունման անհրաժեշտությունը");
    await expect.poll(() => note.saved() && main.saved()).toBe(true);

    expect(await storedText(documentId)).toContain("Նախագծի ընդունման անհրաժեշտությունը");
    expect(await storedText(documentId)).not.toContain("Article text");
    expect(await storedText(draft.id)).toContain("Article text");
    expect(await storedText(draft.id)).not.toContain("Նախագծի");
    const rows = await db().documentUpdate.findMany({ where: { draftId: draft.id }, select: { documentId: true } });
    expect(new Set(rows.map((row) => row.documentId))).toEqual(new Set([draft.id, documentId]));
    expect(server.collab.rooms.has(documentId)).toBe(true);
    expect(server.collab.rooms.has(draft.id)).toBe(true);
  });

  it("are compacted into their own snapshot, and their words find the draft", async () => {
    const { staff, draft, documentId } = await draftWithWrittenNote();
    const note = connect(server, documentId, await sessionCookieFor(staff.id));
    await waitForSync(note);
    typeParagraph(note, "ֆինանսական համահարթեցում");
    await expect.poll(() => note.saved()).toBe(true);
    note.destroy();
    // The room unloads (200 ms after its last member leaves) and folds its log into its snapshot.
    await expect.poll(() => db().documentUpdate.count({ where: { documentId } }), { timeout: 10_000 }).toBe(0);
    const snapshot = await db().documentSnapshot.findUniqueOrThrow({ where: { documentId } });
    expect(snapshot.plainText).toContain("ֆինանսական համահարթեցում");
    expect(snapshot.textId).toBe(documentId.split(".")[1]);
    const entry = await db().searchEntry.findUniqueOrThrow({ where: { key: `draft:${draft.id}` } });
    expect(entry.text).toContain("համահարթեցում");
  });

  it("give an attachment's text to whoever may manage the dossier; a commenter only reads it", async () => {
    const { staff, draft, documentId } = await draftWithWrittenNote();
    const editor = connect(server, documentId, await sessionCookieFor(staff.id));
    const reader = connect(server, documentId, await partnerWith("COMMENT", draft.id, staff.id));
    await Promise.all([waitForSync(editor), waitForSync(reader)]);
    typeParagraph(editor, "official note");
    await expect.poll(() => reader.text()).toContain("official note");
    typeParagraph(reader, "forged by a commenter");
    typeParagraph(editor, "later official note");
    await expect.poll(() => reader.text()).toContain("later official note");
    await expect.poll(() => editor.saved()).toBe(true);
    expect(await storedText(documentId)).not.toContain("forged");
    const connection = [...server.collab.connections].find(
      (c) => c.documentId === documentId && c.access === "comment",
    );
    expect(connection?.droppedUpdates).toBeGreaterThan(0);

    // A suggester suggests in the main text; the dossier is not theirs to write.
    const suggester = connect(server, documentId, await partnerWith("SUGGEST", draft.id, staff.id));
    await waitForSync(suggester);
    const accessOf = (userDocument: string) =>
      [...server.collab.connections].filter((c) => c.documentId === userDocument).map((c) => c.access);
    expect(accessOf(documentId).sort()).toEqual(["comment", "comment", "edit"]);
  });

  it("refuses a text through another draft, an unknown text, and a stranger", async () => {
    const { staff, draft, note } = await draftWithWrittenNote();
    const other = await createDraftSetup();
    const cookie = await sessionCookieFor(staff.id);
    const open = { Origin: server.origin, Cookie: cookie };
    expect(await upgradeStatus(`${server.url}/${roomName(documentIdOf(draft.id, note.textId))}`, open)).toBe("open");
    // Staff of the other draft's ministry may open their draft, but not this note through it.
    const otherCookie = await sessionCookieFor(other.staff.id);
    const throughOther = roomName(documentIdOf(other.draft.id, note.textId));
    expect(await upgradeStatus(`${server.url}/${throughOther}`, { Origin: server.origin, Cookie: otherCookie })).toBe(
      404,
    );
    expect(await upgradeStatus(`${server.url}/${roomName(documentIdOf(draft.id, "nope"))}`, open)).toBe(404);
    expect(await upgradeStatus(`${server.url}/draft.${draft.id}.a.b`, open)).toBe(404);
    const stranger = await sessionCookieFor(other.staff.id);
    const status = await upgradeStatus(`${server.url}/${roomName(documentIdOf(draft.id, note.textId))}`, {
      Origin: server.origin,
      Cookie: stranger,
    });
    expect(status).toBe(403);
  });

  it("give a text in another language the main text's access: editors edit, suggesters suggest", async () => {
    const { staff, draft } = await createDraftSetup();
    const russian = await addLanguageText({
      actorId: staff.id,
      clientAddress: "203.0.113.9",
      draftId: draft.id,
      language: "ru",
      mode: "copy",
    });
    const documentId = documentIdOf(draft.id, russian.id);
    const editor = connect(server, documentId, await sessionCookieFor(staff.id));
    const suggester = connect(server, documentId, await partnerWith("SUGGEST", draft.id, staff.id));
    await Promise.all([waitForSync(editor), waitForSync(suggester)]);
    typeParagraph(editor, "Статья о сотрудничестве");
    await expect.poll(() => suggester.text()).toContain("Статья о сотрудничестве");
    await expect.poll(() => editor.saved()).toBe(true);
    expect(await storedText(documentId)).toContain("Статья о сотрудничестве");
    const accessOf = [...server.collab.connections].filter((c) => c.documentId === documentId).map((c) => c.access);
    expect(accessOf.sort()).toEqual(["edit", "suggest"]);
  });
});
