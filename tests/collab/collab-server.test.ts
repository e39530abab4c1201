import WebSocket from "ws";
import * as Y from "yjs";
import { describe, expect, it, vi } from "vitest";
import * as encoding from "lib0/encoding";
import { CLOSE, MESSAGE_AWARENESS, roomName } from "~/editor/collab-protocol";
import { loadDocument } from "~/models/documents/document-log.server";
import { revokeDraftAccess, shareDraft } from "~/models/drafts/drafts.server";
import { db } from "~/utils/db.server";
import { databaseStore } from "../../collab/room";
import {
  fragmentText,
  sessionCookieFor,
  startCollab,
  typeParagraph,
  upgradeStatus,
  waitForSync,
} from "../helpers/collab";
import { collabServerForFile } from "../helpers/collab-test-server";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

const { server, connect } = collabServerForFile();

async function storedText(draftId: string): Promise<string> {
  const { doc } = await loadDocument(draftId);
  return fragmentText(doc);
}

async function partnerWith(level: "EDIT" | "COMMENT", draftId: string, staffId: string) {
  const ngo = await createOrganization("NGO", "Union of Community Finance Officers");
  const expert = await createUser({ name: "Լիլիթ" });
  await addMember(expert.id, ngo.id);
  await shareDraft(staffId, draftId, { organizationId: ngo.id }, level);
  return { ngo, expert, cookie: await sessionCookieFor(expert.id) };
}

describe("collab server", () => {
  it("lets two editors converge, stores their edits and reports them saved", async () => {
    const { staff, draft } = await createDraftSetup();
    const partner = await partnerWith("EDIT", draft.id, staff.id);
    const a = connect(server, draft.id, await sessionCookieFor(staff.id));
    const b = connect(server, draft.id, partner.cookie);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    typeParagraph(a, "Article 1 from the ministry");
    typeParagraph(b, "Article 2 from the NGO");
    await expect.poll(() => a.text()).toContain("Article 2 from the NGO");
    await expect.poll(() => b.text()).toContain("Article 1 from the ministry");
    expect(a.text()).toBe(b.text());
    await expect.poll(() => a.saved() && b.saved()).toBe(true);
    const stored = await storedText(draft.id);
    expect(stored).toContain("Article 1 from the ministry");
    expect(stored).toContain("Article 2 from the NGO");
  });

  it("shows each person under their own name and never lets one clear or move another's presence", async () => {
    const { staff, draft } = await createDraftSetup();
    const partner = await partnerWith("COMMENT", draft.id, staff.id);
    const a = connect(server, draft.id, await sessionCookieFor(staff.id));
    const b = connect(server, draft.id, partner.cookie);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    a.provider.awareness.setLocalStateField("user", { name: "Անահիտ", color: "#1f5fa8" });
    b.provider.awareness.setLocalStateField("user", { name: "Minister himself", color: "#b3261e" });
    const nameSeenByA = () =>
      (a.provider.awareness.getStates().get(b.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name;
    await expect.poll(nameSeenByA).toBe("Լիլիթ");

    // B forges a newer state for A's client id (its caret elsewhere, another name).
    const aClock = b.provider.awareness.meta.get(a.doc.clientID)!.clock;
    const body = encoding.createEncoder();
    encoding.writeVarUint(body, 1);
    encoding.writeVarUint(body, a.doc.clientID);
    encoding.writeVarUint(body, aClock + 10);
    encoding.writeVarString(body, JSON.stringify({ user: { name: "Forged", color: "#000" } }));
    const forged = encoding.createEncoder();
    encoding.writeVarUint(forged, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(forged, encoding.toUint8Array(body));
    (b.provider.ws as unknown as { send: (data: Uint8Array) => void }).send(encoding.toUint8Array(forged));
    // B's next honest change reaches A only after the server has handled the forged one.
    b.provider.awareness.setLocalStateField("marker", 1);
    const bSeenByA = () => a.provider.awareness.getStates().get(b.doc.clientID) as { marker?: number } | undefined;
    await expect.poll(() => bSeenByA()?.marker).toBe(1);
    const third = connect(server, draft.id, await sessionCookieFor(staff.id));
    await waitForSync(third);
    await expect.poll(() => third.provider.awareness.getStates().has(b.doc.clientID)).toBe(true);
    const aSeenByThird = third.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name?: string } };
    expect(aSeenByThird.user?.name).toBe("Անահիտ");
    expect((a.provider.awareness.getLocalState() as { user?: { name?: string } }).user?.name).toBe("Անահիտ");
  });

  it("keeps everyone connected when more people are present than one connection may speak for", async () => {
    // The stock provider sends on every awareness change, also the states it received from
    // others: each connection relays everyone's presence back. Six people in a draft must not
    // look like one connection claiming six presences.
    const { ministry, staff, draft } = await createDraftSetup();
    const colleagues = await Promise.all(
      Array.from({ length: 5 }, async (_, index) => {
        const colleague = await createUser({ name: `Colleague ${index}` });
        await addMember(colleague.id, ministry.id);
        return colleague;
      }),
    );
    const cookies = await Promise.all([staff, ...colleagues].map((person) => sessionCookieFor(person.id)));
    const people = cookies.map((cookie) => connect(server, draft.id, cookie));
    await Promise.all(people.map(waitForSync));
    people.forEach((person, index) => person.provider.awareness.setLocalStateField("cursor", { anchor: index }));
    const seesEveryone = () => people.every((person) => person.provider.awareness.getStates().size === people.length);
    await expect.poll(seesEveryone, { timeout: 5000 }).toBe(true);
    people.forEach((person, index) => person.provider.awareness.setLocalStateField("cursor", { anchor: index + 10 }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(people.flatMap((person) => person.closeCodes)).toEqual([]);
  });

  it("never applies, relays or stores a commenter's updates", async () => {
    const { staff, draft } = await createDraftSetup();
    const commenter = await partnerWith("COMMENT", draft.id, staff.id);
    const editor = connect(server, draft.id, await sessionCookieFor(staff.id));
    const reader = connect(server, draft.id, commenter.cookie);
    await Promise.all([waitForSync(editor), waitForSync(reader)]);
    typeParagraph(editor, "official text");
    await expect.poll(() => reader.text()).toContain("official text");

    typeParagraph(reader, "forged by a commenter");
    typeParagraph(editor, "later official text");
    await expect.poll(() => reader.text()).toContain("later official text");
    await expect.poll(() => editor.saved()).toBe(true);
    expect(editor.text()).not.toContain("forged");
    expect(await storedText(draft.id)).not.toContain("forged");
    const connection = [...server.collab.connections].find((c) => c.access === "comment");
    expect(connection?.droppedUpdates).toBeGreaterThan(0);
  });

  it("refuses at the upgrade: no cookie, foreign origin, another organization's draft, unknown draft", async () => {
    const { staff, draft } = await createDraftSetup();
    const cookie = await sessionCookieFor(staff.id);
    const url = `${server.url}/${roomName(draft.id)}`;
    const outsider = await createUser();
    await addMember(outsider.id, (await createOrganization("MUNICIPALITY")).id);
    expect(await upgradeStatus(url, { Origin: server.origin })).toBe(401);
    expect(await upgradeStatus(url, { Origin: server.origin, Cookie: "agora_session=forged" })).toBe(401);
    expect(await upgradeStatus(url, { Origin: "https://evil.example", Cookie: cookie })).toBe(403);
    expect(await upgradeStatus(url, { Cookie: cookie })).toBe(403);
    expect(await upgradeStatus(url, { Origin: server.origin, Cookie: await sessionCookieFor(outsider.id) })).toBe(403);
    expect(await upgradeStatus(`${server.url}/${roomName("nope")}`, { Origin: server.origin, Cookie: cookie })).toBe(
      404,
    );
    expect(await upgradeStatus(`${server.url}/not-a-room`, { Origin: server.origin, Cookie: cookie })).toBe(404);
    expect(await upgradeStatus(url, { Origin: server.origin, Cookie: cookie })).toBe("open");
  });

  it("closes only the connection that sends a malformed or oversized frame", async () => {
    const { staff, draft } = await createDraftSetup();
    const cookie = await sessionCookieFor(staff.id);
    const healthy = connect(server, draft.id, cookie);
    await waitForSync(healthy);
    const url = `${server.url}/${roomName(draft.id)}`;
    const closeCode = (payload: Uint8Array | string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers: { Origin: server.origin, Cookie: cookie } });
        ws.on("open", () => ws.send(payload));
        ws.on("close", (code) => resolve(code));
        ws.on("error", () => undefined);
      });
    expect(await closeCode(new Uint8Array([0, 2, 200, 1, 2, 3]))).toBe(CLOSE.MALFORMED);
    expect(await closeCode(new Uint8Array([7, 7, 7]))).toBe(CLOSE.MALFORMED);
    expect(await closeCode("text frame")).toBe(CLOSE.MALFORMED);
    expect(await closeCode(new Uint8Array(3 * 1024 * 1024))).toBe(CLOSE.TOO_LARGE);
    typeParagraph(healthy, "still working");
    await expect.poll(() => healthy.saved()).toBe(true);
    expect(await storedText(draft.id)).toContain("still working");
    expect(healthy.provider.wsconnected).toBe(true);
  });

  it("closes a socket within seconds when access is revoked, and refuses it afterwards", async () => {
    const { staff, draft } = await createDraftSetup();
    const partner = await partnerWith("EDIT", draft.id, staff.id);
    const expert = connect(server, draft.id, partner.cookie);
    await waitForSync(expert);
    const grant = await db().draftAccess.findFirstOrThrow({ where: { draftId: draft.id } });
    const revokedAt = Date.now();
    await revokeDraftAccess(staff.id, draft.id, grant.id);
    await expect.poll(() => expert.closeCodes, { timeout: 5000 }).toContain(CLOSE.ACCESS_REVOKED);
    expect(Date.now() - revokedAt).toBeLessThan(5000);
    const status = await upgradeStatus(`${server.url}/${roomName(draft.id)}`, {
      Origin: server.origin,
      Cookie: partner.cookie,
    });
    expect(status).toBe(403);
  });

  it("notices a revocation made by another process through the periodic check", async () => {
    const { staff, draft } = await createDraftSetup();
    const partner = await partnerWith("EDIT", draft.id, staff.id);
    const expert = connect(server, draft.id, partner.cookie);
    await waitForSync(expert);
    // Straight in the database: no in-process notification.
    await db().draftAccess.deleteMany({ where: { draftId: draft.id } });
    await expect.poll(() => expert.closeCodes, { timeout: 5000 }).toContain(CLOSE.ACCESS_REVOKED);
  });

  it("downgrades an editor made commenter by closing so they reconnect read-only", async () => {
    const { staff, draft } = await createDraftSetup();
    const partner = await partnerWith("EDIT", draft.id, staff.id);
    const expert = connect(server, draft.id, partner.cookie);
    await waitForSync(expert);
    await shareDraft(staff.id, draft.id, { organizationId: partner.ngo.id }, "COMMENT");
    await expect.poll(() => expert.closeCodes, { timeout: 5000 }).toContain(CLOSE.ACCESS_CHANGED);
    await expect
      .poll(() =>
        [...server.collab.connections].some((c) => c.identity.userId === partner.expert.id && c.access === "comment"),
      )
      .toBe(true);
  });

  it("unloads idle documents and compacts the log into a snapshot", async () => {
    const { staff, draft } = await createDraftSetup();
    const client = connect(server, draft.id, await sessionCookieFor(staff.id));
    await waitForSync(client);
    for (let i = 0; i < 5; i++) typeParagraph(client, `paragraph ${i}`);
    await expect.poll(() => client.saved()).toBe(true);
    client.destroy();
    await expect.poll(() => server.collab.rooms.has(draft.id), { timeout: 5000 }).toBe(false);
    await expect.poll(() => db().documentUpdate.count({ where: { draftId: draft.id } })).toBe(0);
    const snapshot = await db().documentSnapshot.findUniqueOrThrow({ where: { documentId: draft.id } });
    expect(snapshot.plainText).toContain("paragraph 4");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot.state);
    expect(fragmentText(doc)).toContain("paragraph 0");
  });

  it("leaves the snapshot alone when a document was only read (no rewrite on unload)", async () => {
    const { staff, draft } = await createDraftSetup();
    const cookie = await sessionCookieFor(staff.id);
    const before = await db().documentSnapshot.findUniqueOrThrow({ where: { documentId: draft.id } });
    const reader = connect(server, draft.id, cookie);
    await waitForSync(reader);
    reader.destroy();
    await expect.poll(() => server.collab.rooms.has(draft.id), { timeout: 5000 }).toBe(false);
    // Opening again waits for the unload to finish, so any rewrite would have happened by now.
    const again = connect(server, draft.id, cookie);
    await waitForSync(again);
    const after = await db().documentSnapshot.findUniqueOrThrow({ where: { documentId: draft.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("keeps updates in memory and retries when the database write fails", async () => {
    const { staff, draft } = await createDraftSetup();
    let failures = 3;
    const flaky = await startCollab({
      retryBaseMs: 20,
      // The real store, refusing its first three writes as a locked or unreachable database would.
      store: {
        ...databaseStore,
        appendUpdate: async (id, update) => {
          if (failures-- > 0) throw new Error("database is locked");
          return databaseStore.appendUpdate(id, update);
        },
      },
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const client = connect(flaky, draft.id, await sessionCookieFor(staff.id));
      await waitForSync(client);
      typeParagraph(client, "survives a failing database");
      await expect.poll(() => client.saved(), { timeout: 5000 }).toBe(true);
      expect(failures).toBeLessThan(0);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining("failed; retrying"), expect.any(Error));
      expect(await storedText(draft.id)).toContain("survives a failing database");
    } finally {
      errors.mockRestore();
      await flaky.stop();
    }
  });

  it("closes a connection that floods messages before its document has loaded", async () => {
    const { staff, draft } = await createDraftSetup();
    const cookie = await sessionCookieFor(staff.id);
    // The real store, with loading held back until the flood has arrived.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = await startCollab({
      maxPendingMessages: 5,
      store: { ...databaseStore, loadDocument: async (id) => (await held, databaseStore.loadDocument(id)) },
    });
    try {
      const code = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`${slow.url}/${roomName(draft.id)}`, {
          headers: { Origin: slow.origin, Cookie: cookie },
        });
        ws.on("open", () => {
          // The room loads asynchronously: these all arrive before it is ready.
          for (let i = 0; i < 50; i++) ws.send(new Uint8Array([1, 1, 0]));
        });
        ws.on("close", (c) => resolve(c));
        ws.on("error", () => undefined);
      });
      expect(code).toBe(CLOSE.OVERLOADED);
    } finally {
      release();
      await slow.stop();
    }
  });
});
