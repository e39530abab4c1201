import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { form } from "../helpers/app-server";
import { demoPlatformForThisFile } from "../helpers/demo-sessions";

/**
 * An invitation enrols nobody by itself: its recipient accepts it, signed in as the invited
 * account (or by creating the account from the link), or declines it. And the inviting
 * admin's answer is the same whether or not the e-mail already has an account.
 */
const platform = demoPlatformForThisFile();
const { post, get } = platform;

const ADMIN = "armen@ucfo.example";
const ucfo = () => db().organization.findUniqueOrThrow({ where: { slug: "ucfo" } });
const user = (email: string) => db().user.findUniqueOrThrow({ where: { email } });
const memberships = async (email: string) =>
  db().membership.count({ where: { organizationId: (await ucfo()).id, userId: (await user(email)).id } });

/** The link the last invitation e-mail to this address carries. */
async function invitationLink(to: string): Promise<string> {
  const mail = await db().outboxEmail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return /\/invite\/[A-Za-z0-9_-]+/.exec(mail.body)![0];
}

/** The page as the inviting admin sees it, without what differs between any two responses. */
const comparable = (html: string, email: string) =>
  html
    .replaceAll(email, "<email>")
    .replace(/nonce="[^"]+"/g, "")
    .replace(/"_\d+":/g, "")
    .replace(/\\"[a-z0-9]{25}\\"/g, "<id>");

describe("invitations", () => {
  it("answers the inviting admin the same for an existing account and an unknown e-mail", async () => {
    const org = await ucfo();
    const cookie = await platform.as(ADMIN);
    const send = async (email: string) => {
      const response = await fetch(`${platform.app().url}/orgs/${org.id}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: platform.app().origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: form({ intent: "invite", email, role: "ADMIN" }),
      });
      return { status: response.status, html: await response.text() };
    };
    const existing = await send("nino@zugdidi.example");
    const unknown = await send("nobody.yet@example.test");
    expect(existing.status).toBe(200);
    expect(unknown.status).toBe(existing.status);
    expect(comparable(existing.html, "nino@zugdidi.example")).toBe(comparable(unknown.html, "nobody.yet@example.test"));
    // And nobody was enrolled: the existing account is not a member, let alone an admin.
    expect(await memberships("nino@zugdidi.example")).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "membership.create" } })).toBe(0);
  });

  it("tells an existing account in the app and by e-mail; only that account, signed in, can accept", async () => {
    const org = await ucfo();
    expect(
      (await post(`/orgs/${org.id}`, ADMIN, { intent: "invite", email: "giorgi@zugdidi.example", role: "MEMBER" }))
        .status,
    ).toBe(200);
    const link = await invitationLink("giorgi@zugdidi.example");
    expect(await memberships("giorgi@zugdidi.example")).toBe(0);

    // In the app: a notification leading to the pending invitation.
    expect(await (await get("/notifications", "giorgi@zugdidi.example")).text()).toContain('href="/invitations"');
    expect(await (await get("/invitations", "giorgi@zugdidi.example")).text()).toContain(
      'data-testid="pending-invitation"',
    );

    // The link alone (signed out) neither enrols nor sets a password for the account.
    const signedOut = await get(link);
    const signedOutHtml = await signedOut.text();
    expect(signedOutHtml).not.toContain('name="password"');
    expect(signedOutHtml).toContain("/login?redirectTo=");
    const takeover = await fetch(platform.app().url + link, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: platform.app().origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ intent: "accept", name: "Intruder", password: "a long password 1", confirm: "a long password 1" }),
    });
    expect(takeover.status).toBe(403);
    // Another signed-in account cannot accept it for them, on the link or on their own page.
    expect((await post(link, "nino@zugdidi.example", { intent: "accept" })).status).toBe(403);
    const invitation = await db().emailToken.findFirstOrThrow({ where: { email: "giorgi@zugdidi.example" } });
    expect(
      (await post("/invitations", "nino@zugdidi.example", { intent: "accept", invitationId: invitation.id })).status,
    ).toBe(404);
    expect(await memberships("giorgi@zugdidi.example")).toBe(0);
    expect(await memberships("nino@zugdidi.example")).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "refused.invitation.accept" } })).toBe(1);

    // The recipient, signed in, accepts: now, and with the role the invitation named.
    expect((await post(link, "giorgi@zugdidi.example", { intent: "accept" })).status).toBe(302);
    expect(await memberships("giorgi@zugdidi.example")).toBe(1);
    expect((await get(link)).status).toBe(200);
    expect((await post(link, "giorgi@zugdidi.example", { intent: "accept" })).status).toBe(410);
  });

  it("lets the recipient decline, from the app or from the link, and then nothing is left to accept", async () => {
    const org = await ucfo();
    await post(`/orgs/${org.id}`, ADMIN, { intent: "invite", email: "claire@aimf.example", role: "ADMIN" });
    await post(`/orgs/${org.id}`, ADMIN, { intent: "invite", email: "declines@example.test", role: "MEMBER" });
    const invitation = await db().emailToken.findFirstOrThrow({ where: { email: "claire@aimf.example" } });
    const declined = await post("/invitations", "claire@aimf.example", {
      intent: "decline",
      invitationId: invitation.id,
    });
    expect(declined.status).toBe(302);
    expect(
      (await post("/invitations", "claire@aimf.example", { intent: "accept", invitationId: invitation.id })).status,
    ).toBe(404);
    expect(await memberships("claire@aimf.example")).toBe(0);

    // Someone without an account declines from the e-mailed link.
    const link = await invitationLink("declines@example.test");
    const response = await fetch(platform.app().url + link, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: platform.app().origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ intent: "decline" }),
    });
    expect(response.status).toBe(302);
    expect(await (await get(link)).text()).not.toContain('name="password"');
    expect(await db().user.count({ where: { email: "declines@example.test" } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "invitation.decline" } })).toBe(2);
  });
});
