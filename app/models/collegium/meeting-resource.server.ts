import { inOffice } from "~/collegium/terms";
import { DRAFT_HEADING, ORGANIZATION_NAME_FIELDS } from "~/i18n/localized-name";
import type { CollegiumBodyResource, MeetingResource } from "~/policies";
import { db } from "~/utils/db.server";

const userIds = (seats: { userId: string | null }[]) => seats.map((s) => s.userId).filter((id): id is string => !!id);

/** A body as the meeting policy sees it now: its ministry, the accounts in office, its secretaries. */
export async function loadBodyResource(bodyId: string, now = new Date()) {
  const body = await db().collegiumBody.findUnique({
    where: { id: bodyId },
    include: {
      organization: { select: { id: true, ...ORGANIZATION_NAME_FIELDS } },
      memberships: { where: { termStart: { lte: now } } },
    },
  });
  if (!body) return null;
  const seats = body.memberships.filter((seat) => inOffice(seat, now));
  const resource: CollegiumBodyResource = {
    type: "collegiumBody",
    collegium: { type: "collegium", organizationId: body.organizationId },
    meetingsPublic: body.meetingsPublic,
    memberUserIds: userIds(seats),
    secretaryUserIds: userIds(seats.filter((s) => s.role === "SECRETARY")),
  };
  return { body, seats, resource };
}

const MEETING_INCLUDE = {
  agenda: {
    orderBy: { position: "asc" },
    include: {
      review: {
        select: {
          id: true,
          status: true,
          outcome: true,
          dueAt: true,
          draft: { select: { ...DRAFT_HEADING, ownerOrganizationId: true } },
          version: { select: { number: true, name: true } },
          reviewers: { select: { membershipId: true } },
          decisions: { select: { membershipId: true, decision: true } },
        },
      },
    },
  },
  invitees: { orderBy: { name: "asc" } },
  attendance: true,
} as const;

/** A meeting with its agenda, invitees and attendance, and the policy's view of it. */
export async function loadMeeting(meetingId: string, now = new Date()) {
  const meeting = await db().collegiumMeeting.findUnique({ where: { id: meetingId }, include: MEETING_INCLUDE });
  if (!meeting) return null;
  const loaded = await loadBodyResource(meeting.bodyId, now);
  if (!loaded) return null;
  const attending = new Set(meeting.attendance.filter((a) => a.kind !== "ABSENT").map((a) => a.membershipId));
  const resource: MeetingResource = {
    type: "meeting",
    body: loaded.resource,
    status: meeting.status,
    inviteeUserIds: meeting.invitees.map((i) => i.userId).filter((id): id is string => !!id),
    chairUserIds: userIds(loaded.seats.filter((s) => s.role === "CHAIR")),
    attendeeUserIds: meeting.invitees
      .filter((i) => i.membershipId && attending.has(i.membershipId))
      .map((i) => i.userId)
      .filter((id): id is string => !!id),
    minutesStatus: meeting.minutesStatus,
    minutesPublic: meeting.minutesPublic,
  };
  return { meeting, body: loaded.body, seats: loaded.seats, resource };
}

export type LoadedMeeting = NonNullable<Awaited<ReturnType<typeof loadMeeting>>>;
