import { randomBytes } from "node:crypto";
import type { CurrentUser } from "~/auth/current-user.server";
import type { Decision } from "~/collegium/outcome";
import type { MeetingInput } from "~/schemas/meeting";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { RuleError } from "~/utils/rule-error";
import { seatsInOffice } from "./collegium.server";
import { notifyInvitees } from "./meeting-notices.server";

/**
 * A collegium's meetings, kept by its secretary (the route asks `can()` first). Every step
 * writes its audit event in the same transaction; scheduling, changing and cancelling
 * notify every invitee and count against the secretary's `meeting` budget.
 */

/** Agenda rows: reviews first (open reviews of this body only), then free items, in order. */
async function agendaRows(
  tx: Tx,
  bodyId: string,
  input: Pick<MeetingInput, "reviewIds" | "freeItems">,
  /** Reviews already on the agenda stay allowed after they close (a change of place keeps them). */
  kept: string[] = [],
) {
  const reviews = await tx.collegiumReview.findMany({
    where: { id: { in: input.reviewIds }, bodyId, OR: [{ status: "OPEN" }, { id: { in: kept } }] },
    select: { id: true },
  });
  if (reviews.length !== input.reviewIds.length) throw new RuleError("meetings.errors.reviewNotOpen", "reviewIds");
  return [
    ...input.reviewIds.map((reviewId) => ({ reviewId, title: "" })),
    ...input.freeItems.map((title) => ({ reviewId: null, title })),
  ].map((row, position) => ({ ...row, position }));
}

const details = (input: MeetingInput) => ({
  title: input.title,
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  timeZone: input.timeZone,
  place: input.place,
  onlineUrl: input.onlineUrl,
});

/** Schedules a meeting: the members in office now are invited (seats with or without an account), with the guests. */
export async function scheduleMeeting(user: CurrentUser, bodyId: string, input: MeetingInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    if (input.startsAt <= now) throw new RuleError("meetings.errors.startsInPast", "startsAt");
    await enforceRateLimit(tx, "meeting", { account: user.id });
    const seats = await seatsInOffice(tx, bodyId, now);
    const agenda = await agendaRows(tx, bodyId, input);
    const meeting = await tx.collegiumMeeting.create({
      data: {
        bodyId,
        ...details(input),
        createdById: user.id,
        agenda: { create: agenda },
        invitees: {
          create: [
            ...seats.map((seat) => ({ membershipId: seat.id, userId: seat.userId, name: seat.personName })),
            ...input.guests.map((guest) => ({ name: guest.name, email: guest.email, locale: guest.locale })),
          ],
        },
      },
    });
    await audit(tx, {
      actorId: user.id,
      action: "meeting.schedule",
      objectType: "CollegiumMeeting",
      objectId: meeting.id,
      details: { bodyId, startsAt: input.startsAt, agenda: agenda.length, invited: seats.length + input.guests.length },
    });
    await notifyInvitees(tx, meeting.id, "meeting.invited", user.id);
    return meeting;
  });
}

/**
 * Changes a scheduled meeting's time, place or agenda. The iCalendar SEQUENCE goes up, so
 * calendars replace the event they hold; new guests are added, and everyone is told.
 */
export async function changeMeeting(user: CurrentUser, meetingId: string, input: MeetingInput) {
  return db().$transaction(async (tx) => {
    await enforceRateLimit(tx, "meeting", { account: user.id });
    const before = await tx.collegiumMeeting.findUniqueOrThrow({
      where: { id: meetingId },
      include: { invitees: true },
    });
    if (before.status !== "SCHEDULED") throw new RuleError("meetings.errors.cancelled");
    const agenda = await agendaRows(tx, before.bodyId, input);
    const claimed = await tx.collegiumMeeting.updateMany({
      where: { id: meetingId, sequence: before.sequence, status: "SCHEDULED" },
      data: { ...details(input), sequence: before.sequence + 1 },
    });
    if (claimed.count === 0) throw new RuleError("meetings.errors.changedMeanwhile");
    await tx.meetingAgendaItem.deleteMany({ where: { meetingId } });
    await tx.meetingAgendaItem.createMany({ data: agenda.map((row) => ({ ...row, meetingId })) });
    const known = new Set(before.invitees.map((i) => i.email).filter(Boolean));
    const added = input.guests.filter((g) => !known.has(g.email));
    if (added.length) await tx.meetingInvitee.createMany({ data: added.map((g) => ({ ...g, meetingId })) });
    await audit(tx, {
      actorId: user.id,
      action: "meeting.change",
      objectType: "CollegiumMeeting",
      objectId: meetingId,
      details: {
        sequence: before.sequence + 1,
        before: { startsAt: before.startsAt, endsAt: before.endsAt, place: before.place, onlineUrl: before.onlineUrl },
        after: details(input),
        guestsAdded: added.length,
      },
    });
    await notifyInvitees(tx, meetingId, "meeting.changed", user.id);
  });
}

/** Cancels a scheduled meeting; invitees get a METHOD:CANCEL with the same UID and the next SEQUENCE. */
export async function cancelMeeting(user: CurrentUser, meetingId: string) {
  await db().$transaction(async (tx) => {
    await enforceRateLimit(tx, "meeting", { account: user.id });
    const before = await tx.collegiumMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    const claimed = await tx.collegiumMeeting.updateMany({
      where: { id: meetingId, status: "SCHEDULED", sequence: before.sequence },
      data: { status: "CANCELLED", sequence: before.sequence + 1 },
    });
    if (claimed.count === 0) throw new RuleError("meetings.errors.cancelled");
    await audit(tx, {
      actorId: user.id,
      action: "meeting.cancel",
      objectType: "CollegiumMeeting",
      objectId: meetingId,
    });
    await notifyInvitees(tx, meetingId, "meeting.cancelled", user.id);
  });
}

/** An invited person accepts or declines (their own row only; changeable until it is cancelled). */
export async function respondToMeeting(user: CurrentUser, meetingId: string, response: "ACCEPTED" | "DECLINED") {
  await db().$transaction(async (tx) => {
    const rows = await tx.meetingInvitee.updateMany({
      where: { meetingId, userId: user.id, meeting: { status: "SCHEDULED" } },
      data: { response, respondedAt: new Date() },
    });
    if (rows.count === 0) throw new RuleError("errors.notAllowed");
    await audit(tx, {
      actorId: user.id,
      action: "meeting.respond",
      objectType: "CollegiumMeeting",
      objectId: meetingId,
      details: { response },
    });
  });
}

export type AttendanceEntry = {
  membershipId: string;
  kind: "PRESENT" | "ABSENT" | "REPRESENTED";
  representedBy: string;
};

/** The secretary's attendance record, seat by seat; only seats invited as members can be recorded. */
export async function recordAttendance(user: CurrentUser, meetingId: string, entries: AttendanceEntry[]) {
  await db().$transaction(async (tx) => {
    const invited = await tx.meetingInvitee.findMany({
      where: { meetingId, membershipId: { not: null } },
      select: { membershipId: true },
    });
    const seats = new Set(invited.map((i) => i.membershipId));
    for (const entry of entries) {
      if (!seats.has(entry.membershipId)) throw new RuleError("errors.notAllowed");
      if (entry.kind === "REPRESENTED" && !entry.representedBy) {
        throw new RuleError("meetings.errors.representedBy", `representedBy.${entry.membershipId}`);
      }
      const row = { kind: entry.kind, representedBy: entry.kind === "REPRESENTED" ? entry.representedBy : "" };
      await tx.meetingAttendance.upsert({
        where: { meetingId_membershipId: { meetingId, membershipId: entry.membershipId } },
        create: { meetingId, membershipId: entry.membershipId, ...row },
        update: row,
      });
    }
    await audit(tx, {
      actorId: user.id,
      action: "meeting.attendance",
      objectType: "CollegiumMeeting",
      objectId: meetingId,
      details: { entries: entries.map(({ membershipId, kind }) => ({ membershipId, kind })) },
    });
  });
}

/**
 * Decisions taken at the meeting on a review on its agenda: written as the decisions of the
 * reviewers recorded present or represented (not of anyone absent), each audited as taken
 * at the meeting. They stay the members' own: each member may still change theirs until
 * the review closes, and the outcome still follows only from the decisions when it closes.
 */
export async function recordMeetingDecisions(
  user: CurrentUser,
  meetingId: string,
  reviewId: string,
  decisions: { membershipId: string; decision: Decision }[],
) {
  await db().$transaction(async (tx) => {
    const item = await tx.meetingAgendaItem.findFirst({
      where: { meetingId, reviewId },
      include: { review: { include: { reviewers: true } } },
    });
    if (!item?.review) throw new RuleError("errors.notFound");
    if (item.review.status !== "OPEN") throw new RuleError("collegium.errors.closed");
    const attending = await tx.meetingAttendance.findMany({
      where: { meetingId, kind: { in: ["PRESENT", "REPRESENTED"] } },
      select: { membershipId: true },
    });
    const present = new Set(attending.map((a) => a.membershipId));
    const reviewers = new Set(item.review.reviewers.map((r) => r.membershipId));
    for (const { membershipId, decision } of decisions) {
      if (!present.has(membershipId)) throw new RuleError("meetings.errors.notPresent", `decision.${membershipId}`);
      if (!reviewers.has(membershipId)) throw new RuleError("meetings.errors.notReviewer", `decision.${membershipId}`);
      const before = await tx.reviewDecision.findUnique({
        where: { reviewId_membershipId: { reviewId, membershipId } },
      });
      await tx.reviewDecision.upsert({
        where: { reviewId_membershipId: { reviewId, membershipId } },
        create: { reviewId, membershipId, decision, remarks: "" },
        update: { decision },
      });
      await audit(tx, {
        actorId: user.id,
        action: "review.decideAtMeeting",
        objectType: "CollegiumReview",
        objectId: reviewId,
        details: { meetingId, membershipId, decision, previous: before?.decision ?? null },
      });
    }
  });
}

/** The body decides whether its meetings and approved minutes are public. */
export async function setMeetingsPublic(actorId: string, bodyId: string, meetingsPublic: boolean) {
  await db().$transaction(async (tx) => {
    await tx.collegiumBody.update({ where: { id: bodyId }, data: { meetingsPublic } });
    await audit(tx, {
      actorId,
      action: "collegium.meetingsPublic",
      objectType: "CollegiumBody",
      objectId: bodyId,
      details: { meetingsPublic },
    });
  });
}

/** The private feed's secret, made on first request (only insiders are ever shown it). */
export async function feedTokenOf(bodyId: string): Promise<string> {
  const body = await db().collegiumBody.findUniqueOrThrow({ where: { id: bodyId }, select: { feedToken: true } });
  if (body.feedToken) return body.feedToken;
  const token = randomBytes(24).toString("base64url");
  await db().collegiumBody.updateMany({ where: { id: bodyId, feedToken: null }, data: { feedToken: token } });
  const stored = await db().collegiumBody.findUniqueOrThrow({ where: { id: bodyId }, select: { feedToken: true } });
  return stored.feedToken!;
}

/** A body's meetings, newest first, with their agendas (the route decides who sees them). */
export function listMeetings(bodyId: string) {
  return db().collegiumMeeting.findMany({
    where: { bodyId },
    orderBy: { startsAt: "desc" },
    take: 200,
    include: {
      agenda: {
        orderBy: { position: "asc" },
        include: {
          review: {
            select: {
              id: true,
              draft: { select: { id: true, titleHy: true, titleRu: true, titleKa: true, titleEn: true } },
            },
          },
        },
      },
    },
  });
}
