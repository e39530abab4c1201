import { describe, expect, it } from "vitest";
import { validateSessionToken } from "~/auth/session.server";
import { acceptInvitation, login, resetPassword } from "~/models/accounts/accounts.server";
import {
  findUsableToken,
  INVITATION_TTL_MS,
  inviteToOrganization,
  requestPasswordReset,
} from "~/models/accounts/email-tokens.server";
import { acceptInvitationAs } from "~/models/accounts/invitations.server";
import { db } from "~/utils/db.server";
import { addMember, createOrganization, createUser, TEST_PASSWORD } from "../helpers/factories";

const mail = (link: string) => ({ subject: "subject", body: `link: ${link}` });

async function invite(email: string) {
  const org = await createOrganization("NGO");
  const admin = await createUser();
  await addMember(admin.id, org.id, "ADMIN");
  const result = await inviteToOrganization({
    actorId: admin.id,
    organizationId: org.id,
    email,
    role: "MEMBER",
    origin: "http://agora.test",
    invitationEmail: mail,
    existingAccountEmail: mail,
  });
  return { org, admin, result };
}

describe("invitations", () => {
  it("e-mails a single-use link that creates the account and membership", async () => {
    const { org, result } = await invite("new.expert@ucfo.example");
    if (result.kind !== "invited") throw new Error("expected an invitation");
    const outbox = await db().outboxEmail.findFirstOrThrow({ where: { to: "new.expert@ucfo.example" } });
    expect(outbox.body).toContain(`http://agora.test/invite/${result.token}`);
    const row = await findUsableToken(result.token, "INVITATION");
    expect(row).not.toBeNull();
    expect(await db().emailToken.count({ where: { tokenHash: result.token } })).toBe(0);

    const session = await acceptInvitation(row!.id, "Լիլիթ Մանուկյան", "a long password 1");
    expect(session).not.toBeNull();
    const user = await db().user.findUniqueOrThrow({ where: { email: "new.expert@ucfo.example" } });
    expect(await db().membership.count({ where: { userId: user.id, organizationId: org.id } })).toBe(1);
    expect((await validateSessionToken(db(), session!.token))?.user.name).toBe("Լիլիթ Մանուկյան");

    // Used: the same link no longer works, neither through lookup nor directly.
    expect(await findUsableToken(result.token, "INVITATION")).toBeNull();
    expect(await acceptInvitation(row!.id, "Someone Else", "another password")).toBeNull();
    expect(await db().user.count({ where: { email: "new.expert@ucfo.example" } })).toBe(1);
    const actions = (await db().auditEvent.findMany({ where: { action: { startsWith: "invitation." } } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["invitation.create", "invitation.accept"]));
  });

  it("lets only one of two simultaneous requests use a link", async () => {
    const { result } = await invite("racer@example.test");
    if (result.kind !== "invited") throw new Error("expected an invitation");
    const row = await findUsableToken(result.token, "INVITATION");
    const outcomes = await Promise.all([
      acceptInvitation(row!.id, "First", "a long password 1"),
      acceptInvitation(row!.id, "Second", "a long password 2"),
    ]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await db().user.count({ where: { email: "racer@example.test" } })).toBe(1);
  });

  it("refuses an expired link", async () => {
    const { result } = await invite("late@example.test");
    if (result.kind !== "invited") throw new Error("expected an invitation");
    const afterExpiry = new Date(Date.now() + INVITATION_TTL_MS + 1000);
    expect(await findUsableToken(result.token, "INVITATION", afterExpiry)).toBeNull();
    const row = await findUsableToken(result.token, "INVITATION");
    await db().emailToken.update({ where: { id: row!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await acceptInvitation(row!.id, "Late Person", "a long password 1")).toBeNull();
    expect(await db().user.count({ where: { email: "late@example.test" } })).toBe(0);
  });

  it("invites an existing account without enrolling it, and refuses a duplicate membership", async () => {
    const existing = await createUser();
    const { org, admin, result } = await invite(existing.email);
    expect(result.kind).toBe("invited");
    // Not a member until they accept, signed in as themselves.
    expect(await db().membership.count({ where: { userId: existing.id, organizationId: org.id } })).toBe(0);
    const row = await findUsableToken((result as { token: string }).token, "INVITATION");
    expect(await acceptInvitationAs({ id: existing.id, email: existing.email }, row!.id)).toBe(true);
    expect(await db().membership.count({ where: { userId: existing.id, organizationId: org.id } })).toBe(1);
    const again = await inviteToOrganization({
      actorId: admin.id,
      organizationId: org.id,
      email: existing.email,
      role: "ADMIN",
      origin: "http://agora.test",
      invitationEmail: mail,
      existingAccountEmail: mail,
    });
    expect(again.kind).toBe("already-member");
  });

  it("resets a password through a one-hour link and ends old sessions", async () => {
    const user = await createUser();
    const old = await login(user.email, TEST_PASSWORD, "10.9.0.1");
    if (!old.ok) throw new Error("login failed");
    expect(await requestPasswordReset("nobody@example.test", "http://agora.test", mail)).toBeNull();
    const token = await requestPasswordReset(user.email, "http://agora.test", mail);
    const row = await findUsableToken(token!, "PASSWORD_RESET");
    expect(await findUsableToken(token!, "INVITATION")).toBeNull();
    expect(await resetPassword(row!.id, "brand new password")).not.toBeNull();
    expect(await validateSessionToken(db(), old.token)).toBeNull();
    expect((await login(user.email, "brand new password", "10.9.0.2")).ok).toBe(true);
    expect(await resetPassword(row!.id, "third password!!")).toBeNull();
  });
});
