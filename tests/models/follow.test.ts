import { describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/current-user.server";
import { article, paragraph } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { loadActor } from "~/models/accounts/actors.server";
import { initializeDocument } from "~/models/documents/document-log.server";
import {
  confirmSubscription,
  requestSubscription,
  subscribeAccount,
  unsubscribe,
} from "~/models/follow/subscriptions.server";
import { answerProposal, publishSummary, submitProposal } from "~/models/rounds/proposals.server";
import { advanceRounds } from "~/models/rounds/round-scheduler.server";
import { createRound } from "~/models/rounds/rounds.server";
import { db } from "~/utils/db.server";
import { createDraftSetup, createUser } from "../helpers/factories";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-06-01T05:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

async function asCurrentUser(user: {
  id: string;
  isPlatformAdmin: boolean;
  name: string;
  email: string;
  emailVerifiedAt: Date | null;
}) {
  return { ...user, sessionId: "test", actor: await loadActor(user) } as unknown as CurrentUser;
}

let counter = 0;
const address = (name: string) => `${name}-${Date.now()}-${counter++}@follow.example`;
const mailTo = (to: string) => db().outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

/** A ministry draft with one article and a round (public unless said) from day 1 to day 16. */
async function roundSetup(audience: "PUBLIC" | "INVITED" = "PUBLIC") {
  const { ministry, staff, draft } = await createDraftSetup();
  await initializeDocument(
    draft.id,
    jsonToYUpdate({ type: "doc", content: [article("art-1", "Բյուջե", paragraph("Բյուջեն ընդունվում է։"))] }),
  );
  const staffUser = await asCurrentUser(staff);
  const round = await createRound(
    staffUser,
    draft.id,
    {
      title: "Հանրային քննարկում",
      description: "",
      opensAt: at(1),
      closesAt: at(16),
      timeZone: "Asia/Yerevan",
      audience,
      invited: audience === "INVITED" ? [ministry.id] : [],
      versionName: "",
    },
    "Text for consultation",
  );
  return { ministry, draft, round, staff: staffUser };
}

describe("following consultations by e-mail", () => {
  it("mails a visitor only the confirmation link until it is opened (double opt-in), then the round openings", async () => {
    const email = address("visitor");
    const token = await requestSubscription({ email, locale: "ru", scope: { kind: "all" } });
    expect(token).toBeTruthy();
    const [confirmation] = await mailTo(email);
    expect(confirmation!.subject).toBe("Agora: подтвердите подписку");
    expect(confirmation!.body).toContain(`/follow/confirm/${token}`);

    // Not confirmed: a public round opening mails nothing.
    const first = await roundSetup();
    await advanceRounds(at(1));
    expect(await mailTo(email)).toHaveLength(1);

    expect(await confirmSubscription(token!)).not.toBeNull();
    // The link is single-use.
    expect(await confirmSubscription(token!)).toBeNull();

    const second = await roundSetup();
    await advanceRounds(at(1));
    const mails = await mailTo(email);
    expect(mails).toHaveLength(2);
    const opened = mails[1]!;
    expect(opened.subject).toBe("Новое публичное обсуждение: Հանրային քննարկում");
    expect(opened.body).toContain(`/rounds/${second.round.id}`);
    expect(opened.body).not.toContain(first.round.id);
    const row = await db().subscription.findFirstOrThrow({ where: { email } });
    expect(opened.headers).toEqual({
      "List-Unsubscribe": `<http://localhost:${process.env.PORT ?? 3000}/unsubscribe/${row.unsubscribeToken}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(opened.body).toContain(`/unsubscribe/${row.unsubscribeToken}`);
  });

  it("refuses an expired confirmation link", async () => {
    const email = address("late");
    const token = await requestSubscription({ email, locale: "en", scope: { kind: "all" } });
    expect(await confirmSubscription(token!, new Date(Date.now() + 8 * DAY))).toBeNull();
    expect((await db().subscription.findFirstOrThrow({ where: { email } })).confirmedAt).toBeNull();
  });

  it("matches the ministry and the kind of draft, never an invited round, and mails an address once", async () => {
    const { ministry, draft } = await roundSetup("INVITED");
    const person = await createUser();
    const account = { id: person.id, email: person.email, locale: "ka" };
    await subscribeAccount(account, { kind: "ministry", organizationId: ministry.id });
    await subscribeAccount(account, { kind: "draftKind", draftKind: "LAW_AMENDMENT" });
    await subscribeAccount(account, { kind: "all" });
    await advanceRounds(at(1));
    // The invited round opened: not public, not mailed to followers.
    expect(await mailTo(person.email)).toHaveLength(0);
    expect(draft.kind).toBe("LAW_AMENDMENT");

    const publicRound = await roundSetup();
    await advanceRounds(at(1));
    const mails = await mailTo(person.email);
    expect(mails.map((m) => m.body.includes(publicRound.round.id))).toEqual([true]);
    expect(mails[0]!.subject).toBe("ახალი საჯარო კონსულტაცია: Հանրային քննարկում");
  });

  it("mails a round's followers when its answers are published, and stops after unsubscribing", async () => {
    const { round, staff } = await roundSetup();
    await advanceRounds(at(1));
    const citizen = await asCurrentUser(await createUser());
    const follower = await createUser();
    const leaver = await createUser();
    const subscription = await subscribeAccount(
      { id: follower.id, email: follower.email, locale: "en" },
      { kind: "answers", roundId: round.id },
    );
    const leaving = await subscribeAccount(
      { id: leaver.id, email: leaver.email, locale: "en" },
      { kind: "answers", roundId: round.id },
    );
    expect(await unsubscribe(leaving.unsubscribeToken)).toBe(true);
    expect(await unsubscribe(leaving.unsubscribeToken)).toBe(false);

    const proposal = await submitProposal(
      citizen,
      round.id,
      { articleId: "art-1", quote: null, proposedText: "Ավելացնել", justification: "Պետք է", onBehalfOf: "" },
      at(2),
    );
    await advanceRounds(at(16));
    await answerProposal(staff, round.id, { proposalId: proposal.id, decision: "NOTED", answer: "Հաշվի է առնվել" });
    expect(await mailTo(follower.email)).toHaveLength(0);
    await publishSummary(staff, round.id);

    const [mail] = await mailTo(follower.email);
    expect(mail!.subject).toBe("Answers published: Հանրային քննարկում");
    expect(mail!.body).toContain(`/rounds/${round.id}/summary`);
    expect(mail!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(mail!.body).toContain(subscription.unsubscribeToken);
    expect(await mailTo(leaver.email)).toHaveLength(0);
  });
});
