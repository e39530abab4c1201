import { mailNewRoundFollowers } from "../follow/follower-mail.server";
import { notifyPeople, RECIPIENT_FIELDS } from "../notifications/notify.server";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";

export const REMINDER_BEFORE_MS = 3 * 24 * 60 * 60 * 1000;

type Transition = { roundId: string; from: "SCHEDULED" | "OPEN"; to: "OPEN" | "CLOSED" };

/**
 * Opens and closes rounds whose time has come, and sends the "closes in 3 days" reminder.
 * Each change is claimed by a conditional update (`where status = from`), so when several
 * processes run this at once every transition and reminder happens exactly once.
 * `now` comes from the caller: the scheduler passes the clock, tests pass any moment.
 */
export async function advanceRounds(now: Date): Promise<Transition[]> {
  const done: Transition[] = [];
  const due = await db().consultationRound.findMany({
    where: {
      OR: [
        { status: "SCHEDULED", opensAt: { lte: now } },
        { status: "OPEN", closesAt: { lte: now } },
      ],
    },
    select: { id: true, status: true, closesAt: true },
  });
  for (const round of due) {
    // A round whose whole period has passed (server was down) opens and then closes.
    if (round.status === "SCHEDULED" && (await transition(round.id, "SCHEDULED", "OPEN"))) {
      done.push({ roundId: round.id, from: "SCHEDULED", to: "OPEN" });
    }
    if (round.closesAt <= now && (await transition(round.id, "OPEN", "CLOSED"))) {
      done.push({ roundId: round.id, from: "OPEN", to: "CLOSED" });
    }
  }
  await sendReminders(now);
  return done;
}

async function transition(roundId: string, from: "SCHEDULED" | "OPEN", to: "OPEN" | "CLOSED"): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const claimed = await tx.consultationRound.updateMany({
      where: { id: roundId, status: from },
      data: { status: to },
    });
    if (claimed.count === 0) return false;
    await audit(tx, {
      actorId: null,
      action: to === "OPEN" ? "round.open" : "round.close",
      objectType: "ConsultationRound",
      objectId: roundId,
    });
    if (to === "OPEN") {
      const round = await tx.consultationRound.findUniqueOrThrow({ where: { id: roundId } });
      // The first round moves the draft into consultation.
      const moved = await tx.draft.updateMany({
        where: { id: round.draftId, status: { in: ["DRAFTING", "REVISION"] } },
        data: { status: "IN_CONSULTATION" },
      });
      if (moved.count) {
        await audit(tx, {
          actorId: null,
          action: "draft.status",
          objectType: "Draft",
          objectId: round.draftId,
          details: { to: "IN_CONSULTATION", roundId },
        });
      }
      await notifyInvited(tx, roundId, "round.opened");
      await mailNewRoundFollowers(tx, roundId);
    } else {
      await notifyRoundClosed(tx, roundId);
    }
    return true;
  });
}

async function sendReminders(now: Date) {
  const due = await db().consultationRound.findMany({
    where: { status: "OPEN", reminderSentAt: null, closesAt: { lte: new Date(now.getTime() + REMINDER_BEFORE_MS) } },
    select: { id: true },
  });
  for (const round of due) {
    await db().$transaction(async (tx) => {
      const claimed = await tx.consultationRound.updateMany({
        where: { id: round.id, reminderSentAt: null },
        data: { reminderSentAt: now },
      });
      if (claimed.count) await notifyInvited(tx, round.id, "round.closing");
    });
  }
}

/**
 * "Your round closed with N proposals to answer": to the person who runs it (its creator), or,
 * when that account is gone, to the owning organization's members.
 */
async function notifyRoundClosed(tx: Tx, roundId: string) {
  const round = await tx.consultationRound.findUniqueOrThrow({
    where: { id: roundId },
    select: { title: true, draftId: true, createdById: true, draft: { select: { ownerOrganizationId: true } } },
  });
  const toAnswer = await tx.proposal.count({ where: { roundId, status: "SUBMITTED", decision: null } });
  const creator = round.createdById
    ? await tx.user.findMany({ where: { id: round.createdById, isActive: true }, select: RECIPIENT_FIELDS })
    : [];
  const people =
    creator.length > 0
      ? creator
      : (
          await tx.membership.findMany({
            where: { organizationId: round.draft.ownerOrganizationId },
            select: { user: { select: RECIPIENT_FIELDS } },
          })
        ).map((m) => m.user);
  await notifyPeople(tx, people, {
    kind: "round.closed",
    path: `/rounds/${roundId}/answers`,
    title: () => round.title,
    vars: () => ({ count: toAnswer }),
    about: { draftId: round.draftId, roundId },
  });
}

/** In-app notification and e-mail to every member of the round's invited organizations. */
async function notifyInvited(tx: Tx, roundId: string, kind: "round.opened" | "round.closing") {
  const round = await tx.consultationRound.findUniqueOrThrow({
    where: { id: roundId },
    select: { title: true, draftId: true, invitations: { select: { organizationId: true } } },
  });
  const members = await tx.membership.findMany({
    where: { organizationId: { in: round.invitations.map((i) => i.organizationId) } },
    select: { user: { select: RECIPIENT_FIELDS } },
  });
  await notifyPeople(
    tx,
    members.map((m) => m.user),
    { kind, path: `/rounds/${roundId}`, title: () => round.title, about: { draftId: round.draftId, roundId } },
  );
}
