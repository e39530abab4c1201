import { describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/current-user.server";
import { tallyReview } from "~/collegium/outcome";
import { inOffice, termsOverlap } from "~/collegium/terms";
import { article, paragraph } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { loadActor } from "~/models/accounts/actors.server";
import { addMembership, endTerm, seatsInOffice } from "~/models/collegium/collegium.server";
import { initializeDocument } from "~/models/documents/document-log.server";
import {
  closeReview,
  listPendingReviews,
  recordDecision,
  sendForReview,
  sendReviewReminders,
} from "~/models/collegium/reviews.server";
import { createVersion } from "~/models/documents/versions.server";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

const DAY = 24 * 60 * 60 * 1000;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function asCurrentUser(user: { id: string; isPlatformAdmin: boolean; name: string; email: string }) {
  return { ...user, sessionId: "test", actor: await loadActor(user) } as unknown as CurrentUser;
}

const seat = (overrides: Partial<Parameters<typeof addMembership>[2]> = {}) => ({
  userId: null,
  personName: "Վահե Հովհաննիսյան",
  organizationId: null,
  position: "",
  role: "MEMBER" as const,
  termStart: day("2025-01-01"),
  termEnd: null,
  appointedBy: "Order No 12-Ն of 10 January 2025",
  ...overrides,
});

describe("terms of office", () => {
  it("count both boundary days as in office", () => {
    const term = { termStart: day("2025-01-01"), termEnd: day("2025-12-31") };
    expect(inOffice(term, day("2025-01-01"))).toBe(true);
    expect(inOffice(term, day("2025-12-31"))).toBe(true);
    expect(inOffice(term, new Date(day("2025-12-31").getTime() + 1))).toBe(false);
    expect(inOffice(term, new Date(day("2025-01-01").getTime() - 1))).toBe(false);
    expect(inOffice({ termStart: day("2025-01-01"), termEnd: null }, day("2040-01-01"))).toBe(true);
    expect(termsOverlap(term, { termStart: day("2025-12-31"), termEnd: null })).toBe(true);
    expect(termsOverlap(term, { termStart: day("2026-01-01"), termEnd: null })).toBe(false);
  });
});

describe("review outcome", () => {
  it("needs more than half of the members in office to take part, and more approvals than half of the cast", () => {
    expect(tallyReview(5, ["APPROVE", "APPROVE", "APPROVE_WITH_REMARKS"]).outcome).toBe("ADOPTED");
    // 2 of 5 is not more than half: no quorum, whatever they say.
    expect(tallyReview(5, ["APPROVE", "APPROVE"]).outcome).toBe("NO_QUORUM");
    // A tie is not a majority.
    expect(tallyReview(4, ["APPROVE", "APPROVE", "OBJECT", "OBJECT"]).outcome).toBe("RETURNED");
    // Abstaining counts for the quorum and as cast.
    expect(tallyReview(4, ["APPROVE", "APPROVE", "ABSTAIN"]).outcome).toBe("ADOPTED");
    expect(tallyReview(4, ["APPROVE", "ABSTAIN", "ABSTAIN"]).outcome).toBe("RETURNED");
    expect(tallyReview(0, []).outcome).toBe("NO_QUORUM");
    // A body with a two-thirds rule.
    expect(tallyReview(3, ["APPROVE", "APPROVE", "OBJECT"], { quorumShare: 0.5, majorityShare: 2 / 3 }).outcome).toBe(
      "RETURNED",
    );
  });
});

/** The ministry's collegium: a chair without an account, a secretary and two NGO heads. */
async function collegiumSetup() {
  const { ministry, staff, draft } = await createDraftSetup();
  await initializeDocument(
    draft.id,
    jsonToYUpdate({ type: "doc", content: [article("a1", "Համայնքի բյուջեն", paragraph("Բյուջեն ընդունվում է։"))] }),
  );
  const ngo = await createOrganization("NGO", "Union of Community Finance Officers");
  const body = await db().collegiumBody.create({ data: { organizationId: ministry.id, nameEn: "Collegium" } });
  const secretary = await createUser({ name: "Գոռ" });
  await addMember(secretary.id, ministry.id);
  const ngoHead = await createUser({ name: "Արմեն" });
  await addMember(ngoHead.id, ngo.id);
  const other = await createUser({ name: "Կարեն" });
  const since = day("2025-01-01");
  await addMembership(staff.id, body.id, seat({ personName: "Minister", role: "CHAIR", termStart: since }));
  const secretarySeat = await addMembership(
    staff.id,
    body.id,
    seat({ userId: secretary.id, personName: "Գոռ", role: "SECRETARY", termStart: since }),
  );
  await addMembership(
    staff.id,
    body.id,
    seat({ userId: ngoHead.id, personName: "Արմեն", organizationId: ngo.id, termStart: since }),
  );
  const otherSeat = await addMembership(
    staff.id,
    body.id,
    seat({ userId: other.id, personName: "Կարեն", termStart: since }),
  );
  const version = await createVersion(staff.id, draft.id, "Final");
  return {
    body,
    draft,
    version,
    staff: await asCurrentUser(staff),
    secretary: await asCurrentUser(secretary),
    ngoHead: await asCurrentUser(ngoHead),
    other: await asCurrentUser(other),
    otherSeat,
    secretarySeat,
  };
}

describe("the collegium", () => {
  it("refuses overlapping terms for one person and keeps ended terms in the history", async () => {
    const { body, staff, otherSeat } = await collegiumSetup();
    const again = seat({ userId: otherSeat.userId, personName: "Կարեն", termStart: day("2025-06-01") });
    await expect(addMembership(staff.id, body.id, again)).rejects.toMatchObject({ key: "collegium.errors.overlap" });
    await endTerm(staff.id, body.id, otherSeat.id, day("2025-05-31"));
    await addMembership(staff.id, body.id, again);
    expect((await seatsInOffice(db(), body.id, day("2025-05-31"))).map((s) => s.personName)).toContain("Կարեն");
    expect(await db().collegiumMembership.count({ where: { bodyId: body.id, userId: otherSeat.userId } })).toBe(2);
    // A person without an account is matched by name.
    await expect(
      addMembership(staff.id, body.id, seat({ personName: "Minister", termStart: day("2026-01-01") })),
    ).rejects.toThrow(RuleError);
  });

  it("runs a review: members in office decide, may change until closing, the secretary closes after the due date", async () => {
    const s = await collegiumSetup();
    const sentAt = new Date();
    const review = await sendForReview(
      s.staff,
      s.draft.id,
      {
        bodyId: s.body.id,
        versionId: s.version.id,
        dueAt: new Date(sentAt.getTime() + 7 * DAY),
        note: "Final draft after the consultation.",
      },
      sentAt,
    );
    expect((await db().draft.findUniqueOrThrow({ where: { id: s.draft.id } })).status).toBe("COLLEGIUM_REVIEW");
    expect(await db().reviewReviewer.count({ where: { reviewId: review.id } })).toBe(4);
    expect((await listPendingReviews(s.ngoHead.id)).map((r) => r.id)).toEqual([review.id]);

    // Kareն's term ends during the review: he keeps the review he was given.
    await endTerm(s.staff.id, s.body.id, s.otherSeat.id, new Date(sentAt.getTime() + DAY));
    await recordDecision(s.other, review.id, { decision: "OBJECT", remarks: "Article 1 needs a deadline." });
    await recordDecision(s.ngoHead, review.id, { decision: "OBJECT", remarks: "Too early." });
    await recordDecision(s.ngoHead, review.id, { decision: "APPROVE_WITH_REMARKS", remarks: "Publish the protocol." });
    await recordDecision(s.secretary, review.id, { decision: "APPROVE", remarks: "" });
    // Staff who are not reviewers cannot decide, nor on anyone's behalf.
    await expect(recordDecision(s.staff, review.id, { decision: "APPROVE", remarks: "" })).rejects.toThrow(RuleError);

    await expect(closeReview(s.secretary, review.id, new Date(sentAt.getTime() + 6 * DAY))).rejects.toMatchObject({
      key: "collegium.errors.beforeDue",
    });
    const tally = await closeReview(s.secretary, review.id, new Date(sentAt.getTime() + 7 * DAY));
    // 3 of 4 took part; 2 approvals of 3 cast.
    expect(tally).toMatchObject({
      inOffice: 4,
      cast: 3,
      approve: 1,
      approveWithRemarks: 1,
      object: 1,
      outcome: "ADOPTED",
    });
    expect((await db().draft.findUniqueOrThrow({ where: { id: s.draft.id } })).status).toBe("ADOPTED");
    await expect(recordDecision(s.ngoHead, review.id, { decision: "OBJECT", remarks: "late" })).rejects.toMatchObject({
      key: "collegium.errors.closed",
    });
    const actions = await db().auditEvent.findMany({ where: { objectId: review.id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(
      [
        "review.changeDecision",
        "review.close",
        "review.decide",
        "review.decide",
        "review.decide",
        "review.send",
      ].sort(),
    );
  });

  it("returns the draft to revision without a quorum, and reminds reviewers once 2 days before the due date", async () => {
    const s = await collegiumSetup();
    const sentAt = new Date();
    const review = await sendForReview(
      s.staff,
      s.draft.id,
      {
        bodyId: s.body.id,
        versionId: s.version.id,
        dueAt: new Date(sentAt.getTime() + 5 * DAY),
        note: "",
      },
      sentAt,
    );
    await sendReviewReminders(new Date(sentAt.getTime() + 2 * DAY));
    await Promise.all([
      sendReviewReminders(new Date(sentAt.getTime() + 3 * DAY)),
      sendReviewReminders(new Date(sentAt.getTime() + 3 * DAY)),
    ]);
    expect(await db().notification.count({ where: { reviewId: review.id, kind: "review.due" } })).toBe(3);
    expect(await db().notification.count({ where: { reviewId: review.id, kind: "review.sent" } })).toBe(3);
    await recordDecision(s.ngoHead, review.id, { decision: "APPROVE", remarks: "" });
    const tally = await closeReview(s.secretary, review.id, new Date(sentAt.getTime() + 5 * DAY));
    expect(tally.outcome).toBe("NO_QUORUM");
    expect((await db().draft.findUniqueOrThrow({ where: { id: s.draft.id } })).status).toBe("REVISION");
  });
});
