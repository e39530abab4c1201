import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { shareDraft } from "~/models/drafts/drafts.server";
import { openRaw, paragraphUpdate, storedHash, syncFrame } from "../helpers/collab-frames";
import { sessionCookieFor, typeParagraph, waitForSync } from "../helpers/collab";
import { collabServerForFile } from "../helpers/collab-test-server";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

/**
 * Security table, row 7: who may not edit a draft gets no byte of it, or has every update
 * dropped: not applied, not relayed, not stored. The stored document's hash proves it.
 */
const { server, connect } = collabServerForFile();

/** Waits until the room has written everything it accepted. */
async function settled(draftId: string) {
  const room = await server.collab.rooms.get(draftId);
  await expect.poll(() => room?.hasUnsavedChanges ?? false).toBe(false);
}

describe("collab access", () => {
  it("refuses at the upgrade, before any data: no cookie, forged cookie, foreign or no Origin, another organization's draft", async () => {
    const { staff, draft } = await createDraftSetup();
    const editor = connect(server, draft.id, await sessionCookieFor(staff.id));
    await waitForSync(editor);
    typeParagraph(editor, "Հոդված 1. Official text");
    await expect.poll(() => editor.saved()).toBe(true);
    const before = await storedHash(draft.id);

    const cookie = await sessionCookieFor(staff.id);
    const outsider = await createUser();
    await addMember(outsider.id, (await createOrganization("MUNICIPALITY")).id);
    const attempts: [string, Record<string, string>, number][] = [
      ["no cookie", {}, 401],
      ["forged cookie", { Cookie: "agora_session=forged-token" }, 401],
      ["foreign Origin", { Cookie: cookie, Origin: "https://evil.example" }, 403],
      ["no Origin", { Cookie: cookie, Origin: "" }, 403],
      ["another organization's draft", { Cookie: await sessionCookieFor(outsider.id) }, 403],
    ];
    for (const [label, headers, status] of attempts) {
      const socket = openRaw(server, draft.id, headers);
      expect(await socket.closed, label).toBe(status);
      expect(await socket.opened, label).toBe(false);
      expect(socket.received, label).toHaveLength(0);
    }
    await settled(draft.id);
    expect(await storedHash(draft.id)).toBe(before);
  });

  it("drops a commenter's Update and SyncStep2 frames: not applied, not relayed, not stored", async () => {
    const { staff, draft } = await createDraftSetup();
    const ngo = await createOrganization("NGO");
    const commenter = await createUser();
    await addMember(commenter.id, ngo.id);
    await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "COMMENT");
    const editor = connect(server, draft.id, await sessionCookieFor(staff.id));
    await waitForSync(editor);
    typeParagraph(editor, "Հոդված 1. Official text");
    await expect.poll(() => editor.saved()).toBe(true);
    const before = await storedHash(draft.id);
    const room = (await server.collab.rooms.get(draft.id))!;
    const vectorBefore = Y.encodeStateVector(room.doc);

    const socket = openRaw(server, draft.id, { Cookie: await sessionCookieFor(commenter.id) });
    expect(await socket.opened).toBe(true);
    socket.ws.send(syncFrame(syncProtocol.messageYjsUpdate, paragraphUpdate("forged through Update")));
    socket.ws.send(syncFrame(syncProtocol.messageYjsSyncStep2, paragraphUpdate("forged through SyncStep2")));
    // Once the answer to a later SyncStep1 arrives, both frames have been handled.
    expect(await socket.roundTrip()).toBe(true);

    expect(Y.encodeStateVector(room.doc)).toEqual(vectorBefore);
    expect(editor.text()).not.toContain("forged");
    const connection = [...server.collab.connections].find((c) => c.identity.userId === commenter.id);
    expect(connection?.droppedUpdates).toBe(2);
    await settled(draft.id);
    expect(await storedHash(draft.id)).toBe(before);
    socket.ws.close();
  });
});
