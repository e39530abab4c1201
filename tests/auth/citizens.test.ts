import { beforeEach, describe, expect, it } from "vitest";
import { createSession } from "~/auth/session.server";
import { verifyPassword } from "~/auth/password.server";
import { deleteOwnAccount } from "~/models/accounts/account-deletion.server";
import { confirmEmailChange, requestEmailChange } from "~/models/accounts/email-change.server";
import { confirmVerification, inspectEmailLink } from "~/models/accounts/email-verification.server";
import { acceptSignUp, type SignUpRequest } from "~/models/accounts/sign-up.server";
import { listMyProposals } from "~/models/rounds/citizen-proposals.server";
import { proposalTextSha256 } from "~/models/rounds/proposal-receipt.server";
import { submitProposal } from "~/models/rounds/proposals.server";
import { buildSummaryTable } from "~/models/rounds/round-summary.server";
import { loadRound } from "~/models/rounds/rounds.server";
import { can } from "~/policies";
import { db } from "~/utils/db.server";
import { clearRateLimits, RATE_LIMITS } from "~/utils/rate-limit.server";
import { databaseWork } from "../helpers/database-work";
import { asCurrentUser, openRound } from "../helpers/open-round";
import { addMember, createUser, TEST_PASSWORD } from "../helpers/factories";

/**
 * Citizens' own accounts: signing up tells nobody whether an e-mail has an account, and
 * floods cannot fill the outbox; nothing is proposed before the address is verified;
 * address changes wait for their link; a deleted account's proposals stay in the record.
 */
type Later = (work: () => Promise<void>) => void;

beforeEach(() => clearRateLimits());

let counter = 0;
const request = (overrides: Partial<SignUpRequest> = {}): SignUpRequest => ({
  name: "Աշոտ Մկրտչյան",
  email: `citizen-${Date.now().toString(36)}-${counter++}@example.test`,
  password: "a long enough password",
  locale: "hy",
  returnTo: "/rounds/r1",
  clientAddress: `192.0.2.${counter % 250}`,
  ...overrides,
});

/** Runs the sign-up, then the work it left for after the answer; returns the answer. */
async function signUp(input: SignUpRequest) {
  const later: (() => Promise<void>)[] = [];
  const answer = await acceptSignUp(input, (work) => later.push(work));
  for (const work of later) await work();
  return { answer, queued: later.length };
}

/** The link in the latest e-mail to this address (the outbox is the delivery without SMTP). */
async function linkTokenFor(email: string): Promise<string> {
  const mail = await db().outboxEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return mail.body.match(/\/verify-email\/([a-z0-9]+)/)![1]!;
}

const proposal = (proposedText = "«15 օրվա» բառերը փոխարինել «30 օրվա» բառերով") => ({
  articleId: "art-2",
  quote: null,
  proposedText,
  justification: "Փոքր համայնքներում ֆինանսական բաժինն ունի մեկ աշխատակից։",
  onBehalfOf: "",
});

describe("signing up", () => {
  it("does the same work for a new and a registered e-mail before answering, and the same answer", async () => {
    const existing = await createUser();
    const later: (() => Promise<void>)[] = [];
    const collect: Later = (work) => later.push(work);
    let known: unknown;
    let unknown: unknown;
    const knownWork = await databaseWork(async () => {
      known = await acceptSignUp(request({ email: existing.email, clientAddress: "192.0.2.201" }), collect);
    });
    const unknownWork = await databaseWork(async () => {
      unknown = await acceptSignUp(
        request({ email: "new-person@example.test", clientAddress: "192.0.2.202" }),
        collect,
      );
    });
    expect(known).toEqual({ ok: true });
    expect(unknown).toEqual(known);
    expect(unknownWork).toEqual(knownWork);
    // Accounts, links and e-mails are not even read while the person waits.
    expect(knownWork.filter((op) => /^(User|EmailToken|OutboxEmail|AuditEvent)\./.test(op))).toEqual([]);
    expect(later).toHaveLength(2);
    for (const work of later) await work();

    // The registered address is told it has an account; the account is left as it was.
    const told = await db().outboxEmail.findMany({ where: { to: existing.email } });
    expect(told).toHaveLength(1);
    expect(told[0]!.body).not.toMatch(/verify-email/);
    const after = await db().user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after.name).toBe(existing.name);
    expect(await verifyPassword(after.passwordHash!, "a long enough password")).toBe(false);

    // The new one has an account that is not verified, and a link in its language.
    const created = await db().user.findUniqueOrThrow({ where: { email: "new-person@example.test" } });
    expect(created.emailVerifiedAt).toBeNull();
    expect(created.locale).toBe("hy");
    expect(await db().session.count({ where: { userId: created.id } })).toBe(0);
    expect(await db().membership.count({ where: { userId: created.id } })).toBe(0);
    expect((await db().outboxEmail.findFirstOrThrow({ where: { to: created.email } })).body).toMatch(
      /\/verify-email\/[a-z0-9]+/,
    );
  });

  it("slows a flood from one address: 1,000 attempts put no more e-mails in the outbox than the limit", async () => {
    const before = await db().outboxEmail.count();
    const later: (() => Promise<void>)[] = [];
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      const answer = await acceptSignUp(
        request({ email: `flood-${i}@example.test`, clientAddress: "203.0.113.66" }),
        (work) => later.push(work),
      );
      if (!answer.ok) {
        refused++;
        expect(answer.retryAfterSeconds).toBeGreaterThan(0);
      }
    }
    expect(refused).toBe(1000 - RATE_LIMITS.signUp.address.max);
    for (const work of later) await work();
    expect((await db().outboxEmail.count()) - before).toBe(RATE_LIMITS.signUp.address.max);
  }, 120_000);

  it("sends at most a few e-mails to one inbox, from any number of addresses, without a word", async () => {
    const email = "target@example.test";
    for (let i = 0; i < 12; i++) {
      const { answer } = await signUp(request({ email, clientAddress: `198.51.100.${i}` }));
      expect(answer).toEqual({ ok: true });
    }
    expect(await db().outboxEmail.count({ where: { to: email } })).toBe(RATE_LIMITS.signUp.email.max);
    expect(await db().user.count({ where: { email } })).toBe(1);
  });
});

describe("verifying the address", () => {
  it("works once, signs the person in and leads back; a used or expired link says which", async () => {
    const input = request();
    await signUp(input);
    const token = await linkTokenFor(input.email);
    const link = await inspectEmailLink(token);
    expect(link.state).toBe("ready");
    const confirmed = await confirmVerification((link as { id: string }).id);
    expect(confirmed?.returnTo).toBe("/rounds/r1");
    const user = await db().user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);

    expect(await inspectEmailLink(token)).toEqual({ state: "used" });
    expect(await confirmVerification((link as { id: string }).id)).toBeNull();

    const late = request();
    await signUp(late);
    const lateToken = await linkTokenFor(late.email);
    expect(await inspectEmailLink(lateToken, new Date(Date.now() + 25 * 60 * 60 * 1000))).toEqual({
      state: "expired",
    });
    expect(await inspectEmailLink("not-a-token")).toEqual({ state: "unknown" });
  });
});

describe("a citizen in a consultation", () => {
  it("proposes in a public round only once verified, and gets a numbered receipt with the text's SHA-256", async () => {
    const { round } = await openRound("PUBLIC");
    const citizen = await createUser({ verified: false });
    const loaded = (await loadRound(round.id))!;
    expect(can((await asCurrentUser(citizen.id)).actor, "round.submit", loaded.resource)).toBe(false);

    await db().user.update({ where: { id: citizen.id }, data: { emailVerifiedAt: new Date() } });
    const verified = await asCurrentUser(citizen.id);
    expect(can(verified.actor, "round.submit", loaded.resource)).toBe(true);
    const first = await submitProposal(verified, round.id, proposal());
    const second = await submitProposal(verified, round.id, proposal("Ուրիշ տեքստ"));
    expect([first.receipt.number, second.receipt.number]).toEqual([1, 2]);
    expect(first.receipt.sha256).toBe(proposalTextSha256("«15 օրվա» բառերը փոխարինել «30 օրվա» բառերով"));
    expect(first.receipt.sha256).toMatch(/^[0-9a-f]{64}$/);

    const receipts = await db().outboxEmail.findMany({ where: { to: citizen.email }, orderBy: { createdAt: "asc" } });
    expect(receipts).toHaveLength(2);
    expect(receipts[0]!.body).toContain(first.receipt.sha256);
    expect(receipts[0]!.subject).toContain("1");

    const mine = await listMyProposals(citizen.id);
    expect(mine.map((p) => [p.number, p.status, p.sha256])).toEqual([
      [2, "SUBMITTED", second.receipt.sha256],
      [1, "SUBMITTED", first.receipt.sha256],
    ]);
  });

  it("cannot propose in an invited round, verified or not", async () => {
    const { round, ngo } = await openRound("INVITED");
    const citizen = await asCurrentUser((await createUser()).id);
    const loaded = (await loadRound(round.id))!;
    expect(can(citizen.actor, "round.view", loaded.resource)).toBe(false);
    expect(can(citizen.actor, "round.submit", loaded.resource)).toBe(false);
    const member = await createUser();
    await addMember(member.id, ngo.id);
    expect(can((await asCurrentUser(member.id)).actor, "round.submit", loaded.resource)).toBe(true);
  });
});

describe("the profile", () => {
  it("changes the e-mail only when the link sent to the new address is opened", async () => {
    const user = await createUser();
    expect(await requestEmailChange(user, "new-address@example.test", "ru")).toEqual({ ok: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const token = await linkTokenFor("new-address@example.test");
    const link = await inspectEmailLink(token);
    expect(link).toMatchObject({ state: "ready", purpose: "EMAIL_CHANGE" });
    expect(await confirmEmailChange((link as { id: string }).id)).toBe("changed");
    const changed = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(changed.email).toBe("new-address@example.test");
    expect(changed.emailVerifiedAt).not.toBeNull();
    expect(await confirmEmailChange((link as { id: string }).id)).toBe("invalid");
  });

  it("answers the same for an address that has an account, and moves nothing there", async () => {
    const [user, other] = await Promise.all([createUser(), createUser()]);
    expect(await requestEmailChange(user, other.email, "en")).toEqual({ ok: true });
    const mail = await db().outboxEmail.findFirstOrThrow({ where: { to: other.email } });
    expect(mail.body).not.toMatch(/verify-email/);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("deletes the account: sessions end, the proposals stay as a former participant's", async () => {
    const { round, staff } = await openRound("PUBLIC");
    const user = await createUser({ name: "Ирина Волкова" });
    const sent = await submitProposal(await asCurrentUser(user.id), round.id, proposal());
    await createSession(db(), user.id);

    expect(await deleteOwnAccount({ userId: user.id, password: "wrong password", clientAddress: "192.0.2.9" })).toBe(
      "wrong-password",
    );
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
    expect(await deleteOwnAccount({ userId: user.id, password: TEST_PASSWORD, clientAddress: "192.0.2.9" })).toBe(
      "deleted",
    );

    const erased = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect([erased.name, erased.isActive, erased.passwordHash]).toEqual(["", false, null]);
    expect(erased.email).not.toContain("example.test");
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().proposal.findUnique({ where: { id: sent.id } })).toMatchObject({
      proposedText: sent.proposedText,
    });

    // The staff's summary still lists it, without the name.
    await db().consultationRound.update({ where: { id: round.id }, data: { status: "CLOSED" } });
    const table = await buildSummaryTable(round.id, "en");
    expect(table.rows.map((r) => [r.proposal, r.author])).toEqual([[sent.proposedText, "Former participant"]]);
    expect(JSON.stringify(table)).not.toContain("Ирина");
    expect(staff.id).toBeTruthy();
  });
});
