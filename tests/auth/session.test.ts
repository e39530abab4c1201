import { describe, expect, it } from "vitest";
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  sessionCookie,
  sessionLifetimeMs,
  validateSessionToken,
} from "~/auth/session.server";
import { hashToken } from "~/auth/tokens.server";
import { logout, setUserActive } from "~/models/accounts/accounts.server";
import { loadActor } from "~/models/accounts/actors.server";
import { db } from "~/utils/db.server";
import { addMember, createOrganization, createUser } from "../helpers/factories";

const DAY = 24 * 60 * 60 * 1000;

describe("sessions", () => {
  it("stores only the SHA-256 of the token", async () => {
    const user = await createUser();
    const { token } = await createSession(db(), user.id);
    const rows = await db().session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(hashToken(token));
    expect(rows[0]?.id).not.toContain(token);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a fresh token and refuses an unknown one", async () => {
    const user = await createUser();
    const { token } = await createSession(db(), user.id);
    expect((await validateSessionToken(db(), token))?.user.id).toBe(user.id);
    expect(await validateSessionToken(db(), `${token}x`)).toBeNull();
  });

  it("brings the policy's view of the person: admin flag, verified e-mail, every membership with its kind", async () => {
    const user = await createUser({ verified: false });
    const ngo = await createOrganization("NGO");
    const ministry = await createOrganization("MINISTRY");
    await addMember(user.id, ngo.id, "ADMIN");
    await addMember(user.id, ministry.id);
    const { token } = await createSession(db(), user.id);
    const session = await validateSessionToken(db(), token);
    // In organization order, as the memberships query gives them to everyone else.
    const expected = [
      { organizationId: ngo.id, role: "ADMIN", organizationKind: "NGO" },
      { organizationId: ministry.id, role: "MEMBER", organizationKind: "MINISTRY" },
    ].sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1));
    expect(session?.actor).toEqual({ id: user.id, isPlatformAdmin: false, isVerified: false, memberships: expected });
    expect(session?.actor).toEqual(await loadActor(user));

    const citizen = await createUser();
    const own = await createSession(db(), citizen.id);
    expect((await validateSessionToken(db(), own.token))?.actor).toEqual({
      id: citizen.id,
      isPlatformAdmin: false,
      isVerified: true,
      memberships: [],
    });
  });

  it("expires after its lifetime and deletes the row", async () => {
    const user = await createUser();
    const start = new Date("2026-01-01T00:00:00Z");
    const { token } = await createSession(db(), user.id, start);
    const later = new Date(start.getTime() + sessionLifetimeMs() + 1000);
    expect(await validateSessionToken(db(), token, later)).toBeNull();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("slides the expiry forward when used in the second half of its life", async () => {
    const user = await createUser();
    const start = new Date("2026-01-01T00:00:00Z");
    const { token, expiresAt } = await createSession(db(), user.id, start);
    const early = await validateSessionToken(db(), token, new Date(start.getTime() + DAY));
    expect(early?.expiresAt.getTime()).toBe(expiresAt.getTime());
    const lateUse = new Date(start.getTime() + sessionLifetimeMs() * 0.75);
    const renewed = await validateSessionToken(db(), token, lateUse);
    expect(renewed?.expiresAt.getTime()).toBe(lateUse.getTime() + sessionLifetimeMs());
    // Renewed: still valid past the original expiry.
    expect(await validateSessionToken(db(), token, new Date(expiresAt.getTime() + DAY))).not.toBeNull();
  });

  it("keeps the cookie at least as long as any renewed session, so daily use never signs out", async () => {
    const cookie = sessionCookie("token");
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    // Someone active every day for a year: the row slides; the cookie must still be there.
    expect(maxAge * 1000).toBeGreaterThanOrEqual(365 * DAY);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
  });

  it("logout invalidates the session on the server", async () => {
    const user = await createUser();
    const { token } = await createSession(db(), user.id);
    const session = await validateSessionToken(db(), token);
    await logout(user.id, session!.id);
    expect(await validateSessionToken(db(), token)).toBeNull();
    const events = await db().auditEvent.findMany({ where: { objectId: user.id, action: "auth.logout" } });
    expect(events).toHaveLength(1);
  });

  it("ends all of a user's sessions except the one kept", async () => {
    const user = await createUser();
    const a = await createSession(db(), user.id);
    const b = await createSession(db(), user.id);
    await invalidateUserSessions(db(), user.id, hashToken(a.token));
    expect(await validateSessionToken(db(), a.token)).not.toBeNull();
    expect(await validateSessionToken(db(), b.token)).toBeNull();
    await invalidateSession(db(), hashToken(a.token));
    expect(await validateSessionToken(db(), a.token)).toBeNull();
  });

  it("refuses the live session of a deactivated user", async () => {
    const admin = await createUser({ isPlatformAdmin: true });
    const user = await createUser();
    const { token } = await createSession(db(), user.id);
    await setUserActive(admin.id, user.id, false);
    expect(await validateSessionToken(db(), token)).toBeNull();
    expect(await db().auditEvent.count({ where: { objectId: user.id, action: "user.deactivate" } })).toBe(1);
  });
});
