import { notifyPeople, RECIPIENT_FIELDS } from "../notifications/notify.server";
import type { CurrentUser } from "~/auth/current-user.server";
import { tallyReview, type Decision } from "~/collegium/outcome";
import { DRAFT_HEADING, ORGANIZATION_NAME_FIELDS, draftTitle } from "~/i18n/localized-name";
import type { ReviewResource } from "~/policies";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import { seatsInOffice } from "./collegium.server";
import { DRAFT_FOR_POLICY, draftResourceOf } from "../drafts/draft-access.server";
import { writeVersion, type FrozenText } from "../documents/versions.server";
import { reminderAt, REMINDER_LEAD_MS, timeLeft } from "~/collegium/reminder";
import { formatDate } from "~/i18n/format";
import { serverT } from "~/i18n/server-t.server";

export type NewReview = {
  bodyId: string;
  /** A version frozen before; ignored with `freeze`. */
  versionId: string;
  /** The current text, read just before: it becomes a new version in this same step. */
  freeze?: { text: FrozenText; name: string };
  dueAt: Date;
  note: string;
};

/**
 * Sends a version of a draft to a collegium. The members in office at this moment become
 * the reviewers, and stay so even if their term ends before the review closes.
 */
export async function sendForReview(user: CurrentUser, draftId: string, input: NewReview, now = new Date()) {
  return db().$transaction(async (tx) => {
    const version = input.freeze
      ? await writeVersion(tx, user.id, draftId, input.freeze.name, input.freeze.text)
      : await tx.draftVersion.findFirst({ where: { id: input.versionId, draftId } });
    if (!version) throw new RuleError("errors.required", "versionId");
    if (input.dueAt <= now) throw new RuleError("collegium.errors.dueInPast", "dueAt");
    const seats = await seatsInOffice(tx, input.bodyId, now);
    if (seats.length === 0) throw new RuleError("collegium.errors.noMembers", "bodyId");
    const moved = await tx.draft.updateMany({
      // Minutes of a meeting are the collegium's own record, never a draft put before it.
      where: { id: draftId, status: { in: ["DRAFTING", "REVISION"] }, kind: { not: "MINUTES" } },
      data: { status: "COLLEGIUM_REVIEW" },
    });
    if (moved.count === 0) throw new RuleError("collegium.errors.draftNotReady");
    const review = await tx.collegiumReview.create({
      data: {
        bodyId: input.bodyId,
        draftId,
        versionId: version.id,
        dueAt: input.dueAt,
        note: input.note,
        sentById: user.id,
        sentAt: now,
        reviewers: { create: seats.map((seat) => ({ membershipId: seat.id })) },
      },
    });
    await audit(tx, {
      actorId: user.id,
      action: "review.send",
      objectType: "CollegiumReview",
      objectId: review.id,
      details: { draftId, versionId: version.id, reviewers: seats.length, dueAt: input.dueAt },
    });
    await audit(tx, {
      actorId: user.id,
      action: "draft.status",
      objectType: "Draft",
      objectId: draftId,
      details: { to: "COLLEGIUM_REVIEW", reviewId: review.id },
    });
    await notifyReviewers(tx, review.id, "review.sent");
    return review;
  });
}

/** A reviewer records or changes their own decision while the review is open. */
export async function recordDecision(
  user: CurrentUser,
  reviewId: string,
  input: { decision: Decision; remarks: string },
  now = new Date(),
) {
  await db().$transaction(async (tx) => {
    const review = await tx.collegiumReview.findUniqueOrThrow({
      where: { id: reviewId },
      include: { reviewers: { include: { membership: { select: { id: true, userId: true } } } } },
    });
    if (review.status !== "OPEN") throw new RuleError("collegium.errors.closed");
    const seat = review.reviewers.find((r) => r.membership.userId === user.id);
    if (!seat) throw new RuleError("errors.notAllowed");
    const before = await tx.reviewDecision.findUnique({
      where: { reviewId_membershipId: { reviewId, membershipId: seat.membershipId } },
    });
    await tx.reviewDecision.upsert({
      where: { reviewId_membershipId: { reviewId, membershipId: seat.membershipId } },
      create: { reviewId, membershipId: seat.membershipId, decision: input.decision, remarks: input.remarks },
      update: { decision: input.decision, remarks: input.remarks, updatedAt: now },
    });
    await audit(tx, {
      actorId: user.id,
      action: before ? "review.changeDecision" : "review.decide",
      objectType: "CollegiumReview",
      objectId: reviewId,
      details: { membershipId: seat.membershipId, decision: input.decision, previous: before?.decision ?? null },
    });
  });
}

/**
 * Closes a review at or after its due date, or before it once every reviewer has decided:
 * counts the decisions under the body's rules, records the outcome with the tally, moves the
 * draft to adopted or back to revision, and tells the owning organization the outcome.
 */
export async function closeReview(user: CurrentUser, reviewId: string, now = new Date()) {
  return db().$transaction(async (tx) => {
    const review = await tx.collegiumReview.findUniqueOrThrow({
      where: { id: reviewId },
      include: { body: true, decisions: true, _count: { select: { reviewers: true } } },
    });
    if (review.status !== "OPEN") throw new RuleError("collegium.errors.closed");
    // Early only when nobody is left to decide: the outcome never depends on who was waited for.
    if (now < review.dueAt && review.decisions.length < review._count.reviewers) {
      throw new RuleError("collegium.errors.beforeDue");
    }
    const tally = tallyReview(
      review._count.reviewers,
      review.decisions.map((d) => d.decision),
      { quorumShare: review.body.quorumShare, majorityShare: review.body.majorityShare },
    );
    const claimed = await tx.collegiumReview.updateMany({
      where: { id: reviewId, status: "OPEN" },
      data: { status: "CLOSED", closedAt: now, closedById: user.id, outcome: tally.outcome, tally },
    });
    if (claimed.count === 0) throw new RuleError("collegium.errors.closed");
    const to = tally.outcome === "ADOPTED" ? "ADOPTED" : "REVISION";
    await tx.draft.updateMany({ where: { id: review.draftId, status: "COLLEGIUM_REVIEW" }, data: { status: to } });
    await audit(tx, {
      actorId: user.id,
      action: "review.close",
      objectType: "CollegiumReview",
      objectId: reviewId,
      details: tally,
    });
    await audit(tx, {
      actorId: user.id,
      action: "draft.status",
      objectType: "Draft",
      objectId: review.draftId,
      details: { to, reviewId },
    });
    await notifyOutcome(tx, reviewId, tally.outcome);
    return tally;
  });
}

/** A review with what the policy needs: its reviewers' and the body's current secretaries' accounts. */
export async function loadReview(reviewId: string, now = new Date()) {
  const review = await db().collegiumReview.findUnique({
    where: { id: reviewId },
    include: {
      body: { include: { organization: { select: ORGANIZATION_NAME_FIELDS } } },
      version: { select: { id: true, number: true, name: true, sha256: true, content: true } },
      draft: {
        select: {
          ...DRAFT_FOR_POLICY,
          rounds: { where: { status: "ANSWERED" }, select: { id: true, title: true }, orderBy: { closesAt: "asc" } },
        },
      },
      reviewers: {
        include: {
          membership: {
            include: {
              user: { select: { id: true, name: true } },
              organization: { select: ORGANIZATION_NAME_FIELDS },
            },
          },
        },
      },
      decisions: true,
    },
  });
  if (!review) return null;
  return { review, resource: await reviewResourceOf(review, now) };
}

/** The fields of a stored review the policy decides on. */
export type ReviewForPolicy = {
  status: ReviewResource["status"];
  bodyId: string;
  dueAt: Date;
  body: { organizationId: string };
  draft: Parameters<typeof draftResourceOf>[0];
  reviewers: { membershipId: string; membership: { userId: string | null } }[];
  decisions: { membershipId: string }[];
};

/** What the policy needs of a review: its seats, the body's officers in office `now`, the clock. */
export async function reviewResourceOf(review: ReviewForPolicy, now: Date): Promise<ReviewResource> {
  const officers = await seatsInOffice(db(), review.bodyId, now);
  const userIdsOf = (role: string) =>
    officers.filter((s) => s.role === role).flatMap((s) => (s.userId ? [s.userId] : []));
  return {
    type: "review",
    status: review.status,
    collegium: { type: "collegium", organizationId: review.body.organizationId },
    draft: draftResourceOf(review.draft),
    reviewerUserIds: review.reviewers.map((r) => r.membership.userId).filter((id): id is string => !!id),
    secretaryUserIds: userIdsOf("SECRETARY"),
    chairUserIds: userIdsOf("CHAIR"),
    everyoneDecided: review.reviewers.every((r) => review.decisions.some((d) => d.membershipId === r.membershipId)),
    dueReached: now >= review.dueAt,
  };
}

/** Open reviews where this person holds a reviewer's seat, soonest due first, with their own decision. */
export async function listPendingReviews(userId: string) {
  const reviews = await db().collegiumReview.findMany({
    where: { status: "OPEN", reviewers: { some: { membership: { userId } } } },
    orderBy: { dueAt: "asc" },
    include: {
      draft: { select: DRAFT_HEADING },
      decisions: { where: { membership: { userId } }, select: { decision: true } },
    },
  });
  return reviews.map((r) => ({
    id: r.id,
    dueAt: r.dueAt,
    draft: r.draft,
    myDecision: r.decisions[0]?.decision ?? null,
  }));
}

/**
 * Reminds the reviewers who have not decided, once per review, at the moment `reminderAt`
 * gives (relative to the due date, so a short review is never told "2 days left"); the
 * e-mail says the due date and the time really left. Claimed like round transitions.
 */
export async function sendReviewReminders(now: Date) {
  const candidates = await db().collegiumReview.findMany({
    where: {
      status: "OPEN",
      reminderSentAt: null,
      dueAt: { gt: now, lte: new Date(now.getTime() + REMINDER_LEAD_MS) },
    },
    select: { id: true, sentAt: true, dueAt: true },
  });
  for (const review of candidates.filter((r) => reminderAt(r.sentAt, r.dueAt) <= now)) {
    await db().$transaction(async (tx) => {
      const claimed = await tx.collegiumReview.updateMany({
        where: { id: review.id, reminderSentAt: null },
        data: { reminderSentAt: now },
      });
      if (claimed.count) await notifyReviewers(tx, review.id, "review.due", now);
    });
  }
}

/**
 * In-app notification and e-mail, in each reviewer's language, to reviewers with an account;
 * the reminder only to those who have not decided yet.
 */
async function notifyReviewers(tx: Tx, reviewId: string, kind: "review.sent" | "review.due", now = new Date()) {
  const review = await tx.collegiumReview.findUniqueOrThrow({
    where: { id: reviewId },
    include: {
      draft: { select: DRAFT_HEADING },
      decisions: { select: { membershipId: true } },
      reviewers: { include: { membership: { include: { user: { select: RECIPIENT_FIELDS } } } } },
    },
  });
  const waiting = review.reviewers.filter(
    (r) => kind === "review.sent" || !review.decisions.some((d) => d.membershipId === r.membershipId),
  );
  const people = waiting.flatMap(({ membership }) => (membership.user ? [membership.user] : []));
  const left = timeLeft(now, review.dueAt);
  await notifyPeople(tx, people, {
    kind,
    path: `/reviews/${reviewId}`,
    title: (locale) => draftTitle(review.draft, locale),
    vars: (locale) => {
      const t = serverT(locale);
      return {
        due: `${formatDate(t, review.dueAt, true, REVIEW_TIME_ZONE)} (${REVIEW_TIME_ZONE})`,
        left: t(`email.timeLeft.${left.unit}`, { count: left.count }),
      };
    },
    about: { draftId: review.draftId, reviewId },
  });
}

/** Reviews are due at a moment; e-mails name it in the ministry's zone (the platform serves Armenia first). */
const REVIEW_TIME_ZONE = "Asia/Yerevan";

/** The owning organization's members hear the collegium's outcome on their draft. */
async function notifyOutcome(tx: Tx, reviewId: string, outcome: string) {
  const review = await tx.collegiumReview.findUniqueOrThrow({
    where: { id: reviewId },
    select: { draftId: true, draft: { select: { ...DRAFT_HEADING, ownerOrganizationId: true } } },
  });
  const members = await tx.membership.findMany({
    where: { organizationId: review.draft.ownerOrganizationId },
    select: { user: { select: RECIPIENT_FIELDS } },
  });
  await notifyPeople(
    tx,
    members.map((m) => m.user),
    {
      kind: "review.outcome",
      path: `/reviews/${reviewId}`,
      title: (locale) => draftTitle(review.draft, locale),
      vars: (locale) => ({ outcome: serverT(locale)(`reviews.outcome.${outcome}`) }),
      about: { draftId: review.draftId, reviewId },
    },
  );
}
