import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/current-user.server";
import { loadActor } from "~/models/accounts/actors.server";
import { loadReview, recordDecision, sendForReview } from "~/models/collegium/reviews.server";
import { loadDraftResources } from "~/models/drafts/draft-access.server";
import { createVersion } from "~/models/documents/versions.server";
import { submitProposal } from "~/models/rounds/proposals.server";
import { advanceRounds } from "~/models/rounds/round-scheduler.server";
import { loadRound } from "~/models/rounds/rounds.server";
import { loadWorkQueue } from "~/models/queue/work-queue.server";
import { loadMeeting } from "~/models/collegium/meeting-resource.server";
import { loadDocument } from "~/models/documents/document-log.server";
import { listSuggestions } from "~/editor/suggestions";
import { outlineOf } from "~/editor/outline";
import { article, paragraph } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { initializeDocument } from "~/models/documents/document-log.server";
import { readStoredDocument } from "~/editor/stored-document";
import { can } from "~/policies";
import { db } from "~/utils/db.server";
import { seedDemoData } from "../../prisma/seed/demo";
import { DEMO_USERS } from "../../prisma/seed/users";

const DAY = 24 * 60 * 60 * 1000;

async function person(email: string) {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return { ...user, sessionId: "test", actor: await loadActor(user) } as unknown as CurrentUser;
}

/**
 * What each section must hold, worked out the slow way: every row of the database asked of
 * the policy one by one, with no query narrowing it first. The queue's own queries narrow
 * before asking; if they left out something the policy admits (or let in something it
 * refuses), the counts differ.
 */
async function expectedQueue(user: CurrentUser, now: Date) {
  const draftIds = (await db().draft.findMany({ select: { id: true } })).map((d) => d.id);
  const drafts = [...(await loadDraftResources(draftIds)).values()].filter(
    (d) => can(user.actor, "draft.edit", d) || can(user.actor, "draft.suggest", d),
  );
  const rounds = await Promise.all(
    (await db().consultationRound.findMany({ select: { id: true } })).map((r) => loadRound(r.id)),
  );
  const open = rounds.filter((r) => r && r.round.closesAt > now && can(user.actor, "round.submit", r.resource));
  let toAnswer = 0;
  for (const r of rounds) {
    if (!r || !can(user.actor, "round.answer", r.resource)) continue;
    toAnswer += await db().proposal.count({ where: { roundId: r.round.id, status: "SUBMITTED", decision: null } });
  }
  const reviews = await Promise.all(
    (await db().collegiumReview.findMany({ select: { id: true } })).map((r) => loadReview(r.id, now)),
  );
  const toDecide = reviews.filter((r) => {
    if (!r || !can(user.actor, "review.decide", r.resource)) return false;
    const seat = r.review.reviewers.find((s) => s.membership.userId === user.id);
    return !r.review.decisions.some((d) => d.membershipId === seat?.membershipId);
  });
  const proposals = await db().proposal.count({ where: { authorId: user.id, status: "SUBMITTED" } });
  let suggestions = 0;
  for (const draft of [...(await loadDraftResources(draftIds)).entries()]) {
    if (!can(user.actor, "draft.decideSuggestion", draft[1])) continue;
    if (!["DRAFTING", "REVISION"].includes(draft[1].status)) continue;
    const { doc } = await loadDocument(draft[0]);
    suggestions += listSuggestions(doc).filter((s) => s.authorId !== user.id).length;
  }
  const meetings = [];
  for (const { id } of await db().collegiumMeeting.findMany({ select: { id: true } })) {
    const loaded = await loadMeeting(id, now);
    if (!loaded || loaded.meeting.status !== "SCHEDULED" || loaded.meeting.endsAt <= now) continue;
    if (loaded.resource.inviteeUserIds.includes(user.id) && can(user.actor, "meeting.view", loaded.resource)) {
      meetings.push(id);
    }
  }
  return {
    drafts: drafts.map((d) => d.id).sort(),
    rounds: open.map((r) => r!.round.id).sort(),
    answers: toAnswer,
    reviews: toDecide.map((r) => r!.review.id).sort(),
    proposals,
    meetings: meetings.sort(),
    suggestions,
  };
}

describe("the work queue", () => {
  let now: Date;
  beforeAll(async () => {
    await seedDemoData(db());
    now = new Date();
    // Work waiting for the demo people: a review of the ministry's draft, decided by one
    // member so far, and a proposal in the open round, which is then closed by the clock.
    const anahit = await person("anahit@mta.example");
    // A draft of its own, so the demo drafts shared for editing stay open to their editors.
    const mta = await db().organization.findFirstOrThrow({ where: { slug: "mta" } });
    const mtaDraft = await db().draft.create({
      data: { kind: "LAW", ownerOrganizationId: mta.id, titleEn: "On financial equalization" },
    });
    await initializeDocument(
      mtaDraft.id,
      jsonToYUpdate({ type: "doc", content: [article("a1", "Equalization", paragraph("Grants are equalized."))] }),
    );
    const body = await db().collegiumBody.findFirstOrThrow({ where: { organization: { slug: "mta" } } });
    const version = await createVersion(anahit.id, mtaDraft.id, "For the collegium");
    const review = await sendForReview(anahit, mtaDraft.id, {
      bodyId: body.id,
      versionId: version.id,
      dueAt: new Date(now.getTime() + 7 * DAY),
      note: "",
    });
    await recordDecision(await person("armen@ucfo.example"), review.id, { decision: "APPROVE", remarks: "" });
    const round = await db().consultationRound.findFirstOrThrow({
      where: { status: "OPEN" },
      include: { version: { select: { content: true } } },
    });
    const firstArticle = outlineOf(readStoredDocument(round.version.content)).find((e) => e.type === "article")!;
    await submitProposal(await person("lilit@ucfo.example"), round.id, {
      articleId: firstArticle.id,
      quote: null,
      proposedText: "Add a deadline of 30 days.",
      justification: "",
      onBehalfOf: "",
    });
    await advanceRounds(new Date(round.closesAt.getTime() + 1000));
  });

  it.each(DEMO_USERS.map((u) => u.email))("counts exactly what the policy admits for %s", async (email) => {
    const user = await person(email);
    const queue = await loadWorkQueue(user, now);
    const expected = await expectedQueue(user, now);
    expect(queue.drafts.count).toBe(expected.drafts.length);
    expect(queue.rounds.count).toBe(expected.rounds.length);
    expect(queue.answers.count).toBe(expected.answers);
    expect(queue.reviews.count).toBe(expected.reviews.length);
    expect(queue.proposals.count).toBe(expected.proposals);
    expect(queue.meetings.count).toBe(expected.meetings.length);
    expect(queue.suggestions.count).toBe(expected.suggestions);
    expect(queue.meetings.items.every((m) => expected.meetings.includes(m.id))).toBe(true);
    // The items shown are the first of exactly those.
    expect(queue.drafts.items.every((d) => expected.drafts.includes(d.id))).toBe(true);
    expect(queue.reviews.items.every((r) => expected.reviews.includes(r.id))).toBe(true);
  });

  it("told the round's staff it closed with the number of proposals to answer, and the author of the receipt", async () => {
    const closed = await db().consultationRound.findFirstOrThrow({ where: { status: "CLOSED" } });
    const notices = await db().notification.findMany({ where: { roundId: closed.id, kind: "round.closed" } });
    expect(notices.length).toBeGreaterThan(0);
    const staff = await db().user.findUniqueOrThrow({ where: { id: notices[0]!.userId } });
    const mail = await db().outboxEmail.findFirstOrThrow({
      where: { to: staff.email, body: { contains: closed.title } },
    });
    // One proposal waits: the count is in the e-mail, in the recipient's language.
    expect(mail.subject).toMatch(/1/);
    const lilit = await person("lilit@ucfo.example");
    expect(await db().notification.count({ where: { userId: lilit.id, kind: "proposal.received" } })).toBe(1);
  });

  it("shows each role its own work", async () => {
    const at = (email: string) => person(email).then((u) => loadWorkQueue(u, now));
    const lilit = await at("lilit@ucfo.example");
    // The draft shared with her organization for editing, and her proposal, not yet answered.
    expect(lilit.drafts.count).toBeGreaterThan(0);
    expect(lilit.proposals.items[0]).toMatchObject({ decision: null });
    expect(lilit.reviews.count).toBe(0);
    // The ministry's staff answer the closed round's proposal; its NGO partners do not.
    expect((await at("anahit@mta.example")).answers.count).toBe(1);
    expect(lilit.answers.count).toBe(0);
    // Armen decided already; Tigran and the secretary have not.
    expect((await at("armen@ucfo.example")).reviews.count).toBe(0);
    expect((await at("tigran@uca.example")).reviews.count).toBe(1);
    expect((await at("gor@mta.example")).reviews.count).toBe(1);
    // A citizen edits nothing and answers nothing.
    const ashot = await at("ashot@citizen.example");
    expect([ashot.drafts.count, ashot.answers.count, ashot.reviews.count]).toEqual([0, 0, 0]);
    // The collegium's next meeting waits for its members' answer; nobody outside is invited.
    expect((await at("tigran@uca.example")).meetings.items[0]).toMatchObject({ response: "PENDING" });
    expect([ashot.meetings.count, lilit.meetings.count]).toEqual([0, 0]);
    // The NGO expert's two suggestions wait for the ministry's editors, not for her (her
    // organization edits the draft too, but one does not decide on one's own).
    expect((await at("anahit@mta.example")).suggestions.count).toBe(2);
    expect(lilit.suggestions.count).toBe(0);
  });
});
