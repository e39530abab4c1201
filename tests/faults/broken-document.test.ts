import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CLOSE } from "~/editor/collab-protocol";
import hy from "~/i18n/locales/hy.json";
import { textOf } from "~/models/documents/compare.server";
import { appendUpdate, compactStoredLog, loadDocument } from "~/models/documents/document-log.server";
import { UnreadableDocumentError } from "~/models/documents/unreadable-document.server";
import { createVersion } from "~/models/documents/versions.server";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { openRaw, storedHash, syncFrame } from "../helpers/collab-frames";
import { sessionCookieFor, typeParagraph, waitForSync } from "../helpers/collab";
import { collabServerForFile, collabServersPerTest } from "../helpers/collab-test-server";
import { createDraftSetup } from "../helpers/factories";
import { demoSessions } from "../helpers/demo-sessions";

/**
 * A draft whose text nests elements thousands of levels deep: reading it through the editor's
 * schema overflows the stack. The collab server refuses to let such an update in; a draft
 * that holds one anyway (stored before that check existed) still stores, unloads and
 * answers with a clear 422, instead of a 500 and an error every few seconds forever.
 */

/** An update, on top of `base`, appending `depth` elements each inside the one before. */
function nestedUpdate(base: Y.Doc, depth: number): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment("default");
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    let at = fragment.length;
    for (let level = 0; level < depth; level++) {
      const element = new Y.XmlElement("paragraph");
      parent.insert(at, [element]);
      parent = element;
      at = 0;
    }
  });
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** Whether the root holds a paragraph with this text (not walking the deep part: it overflows). */
function hasParagraph(doc: Y.Doc, text: string): boolean {
  return doc
    .getXmlFragment("default")
    .toArray()
    .some(
      (node) =>
        node instanceof Y.XmlElement &&
        node.length === 1 &&
        node.get(0) instanceof Y.XmlText &&
        node.get(0).toString() === text,
    );
}

/** Stores a 12,000-level nesting in a draft's log directly, as if from before the check. */
async function breakDraft(draftId: string) {
  const { doc } = await loadDocument(draftId);
  await appendUpdate(draftId, nestedUpdate(doc, 12_000));
  doc.destroy();
}

// The platform seeds its demo data into an empty database only: start it first.
let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe("refusing a too deeply nested update over the wire", () => {
  const { server, connect } = collabServerForFile();

  it("closes with 4400 and neither applies, relays nor stores it; 64 levels pass, 65 do not", async () => {
    const { staff, draft } = await createDraftSetup();
    const cookie = await sessionCookieFor(staff.id);
    const watcher = connect(server, draft.id, cookie);
    await waitForSync(watcher);
    const before = await storedHash(draft.id);
    const { doc } = await loadDocument(draft.id);
    const attempts: [number, number][] = [
      [12_000, CLOSE.MALFORMED],
      [65, CLOSE.MALFORMED],
    ];
    for (const [depth, code] of attempts) {
      const socket = openRaw(server, draft.id, { Cookie: cookie });
      expect(await socket.opened).toBe(true);
      socket.ws.send(syncFrame(syncProtocol.messageYjsUpdate, nestedUpdate(doc, depth)));
      expect(await socket.closed, `${depth} levels`).toBe(code);
    }
    const room = await server.collab.rooms.get(draft.id);
    expect(room!.hasUnsavedChanges).toBe(false);
    expect(await storedHash(draft.id)).toBe(before);
    expect(watcher.doc.getXmlFragment("default").length).toBe(doc.getXmlFragment("default").length);

    // The editor's real structure is a few levels; 64 is still accepted.
    const socket = openRaw(server, draft.id, { Cookie: cookie });
    expect(await socket.opened).toBe(true);
    socket.ws.send(syncFrame(syncProtocol.messageYjsUpdate, nestedUpdate(doc, 64)));
    expect(await socket.roundTrip()).toBe(true);
    await expect
      .poll(() => watcher.doc.getXmlFragment("default").length)
      .toBe(doc.getXmlFragment("default").length + 1);
    socket.ws.close();
    watcher.destroy();
    doc.destroy();
  });

  it("refuses an update resting on changes the server never saw (a deep chain sent last piece first)", async () => {
    const { staff, draft } = await createDraftSetup();
    const cookie = await sessionCookieFor(staff.id);
    const before = await storedHash(draft.id);
    const { doc } = await loadDocument(draft.id);
    // Two pieces of one nesting: the second hangs under the first, and is sent alone.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const fragment = client.getXmlFragment("default");
    const outer = new Y.XmlElement("paragraph");
    fragment.insert(fragment.length, [outer]);
    const afterFirst = Y.encodeStateVector(client);
    outer.insert(0, [new Y.XmlElement("paragraph")]);
    const secondPiece = Y.encodeStateAsUpdate(client, afterFirst);
    const socket = openRaw(server, draft.id, { Cookie: cookie });
    expect(await socket.opened).toBe(true);
    socket.ws.send(syncFrame(syncProtocol.messageYjsUpdate, secondPiece));
    expect(await socket.closed).toBe(CLOSE.MALFORMED);
    expect(await storedHash(draft.id)).toBe(before);
    client.destroy();
    doc.destroy();
  });
});

describe("a draft whose stored text cannot be read", () => {
  const { get, post } = demoSessions(() => app);
  let draftId: string;
  let versionId: string;
  let anahitId: string;
  const collab = collabServersPerTest();

  beforeAll(async () => {
    draftId = (await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } })).id;
    anahitId = (await db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } })).id;
    versionId = (await createVersion(anahitId, draftId, "Before the breakage")).id;
    await breakDraft(draftId);
  });

  it("is still stored and unloaded by the collab server: raw state kept, the failure warned once", async () => {
    const warn = vi.spyOn(console, "warn");
    const server = await collab.start();
    const editor = collab.connect(server, draftId, await sessionCookieFor(anahitId));
    await waitForSync(editor);
    typeParagraph(editor, "typed into a broken draft");
    await expect.poll(() => editor.saved()).toBe(true);
    editor.destroy();
    // Unloading compacts the log into a snapshot, which derives outline and search text.
    await expect.poll(() => server.collab.rooms.has(draftId), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => db().documentUpdate.count({ where: { draftId } }), { timeout: 10_000 }).toBe(0);
    const { doc } = await loadDocument(draftId);
    expect(hasParagraph(doc, "typed into a broken draft")).toBe(true);
    doc.destroy();
    const derivationWarnings = warn.mock.calls.filter((args) => String(args[0]).includes("cannot be derived"));
    expect(derivationWarnings).toHaveLength(1);
    warn.mockRestore();
  });

  it("compacts under several collab nodes too", async () => {
    const { doc } = await loadDocument(draftId);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(client);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("appended by another node")]);
    client.getXmlFragment("default").insert(client.getXmlFragment("default").length, [paragraph]);
    await appendUpdate(draftId, Y.encodeStateAsUpdate(client, before));
    expect(await compactStoredLog(draftId)).toEqual({ folded: 1 });
    const stored = await loadDocument(draftId);
    expect(hasParagraph(stored.doc, "appended by another node")).toBe(true);
    stored.doc.destroy();
    client.destroy();
    doc.destroy();
  });

  it("refuses versions and the live text with UnreadableDocumentError, not a stack overflow", async () => {
    await expect(createVersion(anahitId, draftId, "After")).rejects.toBeInstanceOf(UnreadableDocumentError);
    await expect(textOf(draftId, "live")).rejects.toBeInstanceOf(UnreadableDocumentError);
    // A version frozen before stays readable.
    expect(await textOf(draftId, versionId)).not.toBeNull();
  });

  it("answers freezing a version, exports and comparison with a localized 422, and logs no error", async () => {
    const email = "anahit@mta.example"; // reads Armenian
    const freeze = await post(`/drafts/${draftId}/versions`, email, { name: "Frozen after the breakage" });
    expect(freeze.status).toBe(422);
    expect(await freeze.text()).toContain(hy.unreadableDocument.title);
    expect(await db().draftVersion.count({ where: { draftId } })).toBe(1);
    for (const path of [`/drafts/${draftId}/export.docx`, `/drafts/${draftId}/export.akn.xml`]) {
      const response = await get(path, email);
      expect(response.status, path).toBe(422);
      expect(await response.text(), path).toBe(hy.unreadableDocument.text);
    }
    const compare = await get(`/drafts/${draftId}/compare?from=${versionId}&to=live`, email);
    expect(compare.status).toBe(422);
    expect(await compare.text()).toContain(hy.unreadableDocument.text);
    // The frozen version still exports.
    expect((await get(`/drafts/${draftId}/versions/${versionId}/export.docx`, email)).status).toBe(200);
    // One warning for the draft, however often it was asked for; no error.
    const lines = app.output().split("\n");
    expect(lines.filter((line) => line.includes("cannot be derived"))).toHaveLength(1);
    expect(lines.filter((line) => !line.includes("cannot be derived")).join("\n")).not.toMatch(/error/i);
  });
});
