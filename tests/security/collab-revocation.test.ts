import { describe, expect, it } from "vitest";
import { CLOSE } from "~/editor/collab-protocol";
import { revokeDraftAccess, shareDraft } from "~/models/drafts/drafts.server";
import { db } from "~/utils/db.server";
import { DEFAULT_COLLAB_CONFIG } from "../../collab/config";
import { openRaw, storedHash } from "../helpers/collab-frames";
import { sessionCookieFor, typeParagraph, waitForSync } from "../helpers/collab";
import { collabServersPerTest } from "../helpers/collab-test-server";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

/**
 * Security table, row 8: access revoked while connected. The socket closes within 5 s (the
 * production re-check interval, not the shorter one other tests use), reconnecting is
 * refused, and nothing the person types afterwards reaches the document.
 */
const { start, connect } = collabServersPerTest();

type Revocation = (setup: { staffId: string; draftId: string; expertId: string }) => Promise<void>;

const revocations: [string, Revocation, number][] = [
  [
    "the grant revoked in the app",
    async ({ staffId, draftId }) => {
      const grant = await db().draftAccess.findFirstOrThrow({ where: { draftId } });
      await revokeDraftAccess(staffId, draftId, grant.id);
    },
    403,
  ],
  [
    "the grant deleted by another process (no in-process notice)",
    async ({ draftId }) => void (await db().draftAccess.deleteMany({ where: { draftId } })),
    403,
  ],
  [
    "the session ended elsewhere (signed out on another device)",
    async ({ expertId }) => void (await db().session.deleteMany({ where: { userId: expertId } })),
    401,
  ],
];

describe("access revoked while connected", () => {
  it.each(revocations)("closes the socket within 5 s and refuses later updates: %s", async (_label, revoke, status) => {
    const running = await start({ accessRecheckMs: DEFAULT_COLLAB_CONFIG.accessRecheckMs });
    const { staff, draft } = await createDraftSetup();
    const ngo = await createOrganization("NGO");
    const expert = await createUser();
    await addMember(expert.id, ngo.id);
    await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "EDIT");
    const cookie = await sessionCookieFor(expert.id);
    const client = connect(running, draft.id, cookie);
    await waitForSync(client);
    typeParagraph(client, "before revocation");
    await expect.poll(() => client.saved()).toBe(true);
    const before = await storedHash(draft.id);

    await revoke({ staffId: staff.id, draftId: draft.id, expertId: expert.id });
    await expect.poll(() => client.closeCodes, { timeout: 5000, interval: 50 }).toContain(CLOSE.ACCESS_REVOKED);

    // The client keeps typing and keeps trying to reconnect: nothing gets through.
    typeParagraph(client, "after revocation");
    const again = openRaw(running, draft.id, { Cookie: cookie });
    expect(await again.closed).toBe(status);
    expect(again.received).toHaveLength(0);
    expect([...running.collab.connections].some((c) => c.identity.userId === expert.id)).toBe(false);
    const room = await running.collab.rooms.get(draft.id);
    if (room) await expect.poll(() => room.hasUnsavedChanges).toBe(false);
    expect(await storedHash(draft.id)).toBe(before);
  });
});
