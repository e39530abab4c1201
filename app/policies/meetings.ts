import { membershipIn, type MaybeActor } from "./actor";
import type { CollegiumResource } from "./collegium";

/**
 * Meetings of a collegium body. The body's secretary (in office now) schedules and keeps
 * them: agenda, changes, attendance, the decisions taken at the sitting, the minutes. A
 * body decides whether its meetings are public; otherwise only the body's ministry, the
 * members in office and those invited see them. Minutes are written by the secretary and
 * the chair, read by the attendees once circulated, and by the readers the body chose once
 * approved.
 */
export type CollegiumBodyResource = {
  type: "collegiumBody";
  collegium: CollegiumResource;
  meetingsPublic: boolean;
  /** Accounts of the seats in office now. */
  memberUserIds: string[];
  secretaryUserIds: string[];
};

export type MeetingResource = {
  type: "meeting";
  body: CollegiumBodyResource;
  status: "SCHEDULED" | "CANCELLED";
  inviteeUserIds: string[];
  /** Accounts of the seats in office now holding the chair. */
  chairUserIds: string[];
  /** Accounts of the seats recorded present or represented. */
  attendeeUserIds: string[];
  minutesStatus: "NONE" | "DRAFTING" | "CIRCULATED" | "APPROVED";
  minutesPublic: boolean;
};

const isSecretary = (actor: MaybeActor, body: CollegiumBodyResource) =>
  !!actor && body.secretaryUserIds.includes(actor.id);

/** Who sees a body's private meetings: its ministry's staff, its members in office, platform admins. */
const insider = (actor: MaybeActor, body: CollegiumBodyResource) =>
  !!actor &&
  (actor.isPlatformAdmin ||
    !!membershipIn(actor, body.collegium.organizationId) ||
    body.memberUserIds.includes(actor.id));

const sees = (actor: MaybeActor, meeting: MeetingResource) =>
  meeting.body.meetingsPublic || insider(actor, meeting.body) || (!!actor && meeting.inviteeUserIds.includes(actor.id));

const writesMinutes = (actor: MaybeActor, meeting: MeetingResource) =>
  isSecretary(actor, meeting.body) || (!!actor && meeting.chairUserIds.includes(actor.id));

export const meetingRules = {
  /** Private meetings of a body (the listing and the private feed's secret address). */
  listPrivate: insider,
  schedule: isSecretary,
  view: sees,
  manage: (actor: MaybeActor, meeting: MeetingResource) =>
    meeting.status === "SCHEDULED" && isSecretary(actor, meeting.body),
  respond: (actor: MaybeActor, meeting: MeetingResource) =>
    meeting.status === "SCHEDULED" && !!actor && meeting.inviteeUserIds.includes(actor.id),
  writeMinutes: (actor: MaybeActor, meeting: MeetingResource) =>
    meeting.status === "SCHEDULED" && meeting.minutesStatus !== "APPROVED" && writesMinutes(actor, meeting),
  viewMinutes: (actor: MaybeActor, meeting: MeetingResource) => {
    if (!sees(actor, meeting)) return false;
    if (writesMinutes(actor, meeting)) return meeting.minutesStatus !== "NONE";
    if (meeting.minutesStatus === "CIRCULATED") return !!actor && meeting.attendeeUserIds.includes(actor.id);
    if (meeting.minutesStatus !== "APPROVED") return false;
    return (
      meeting.minutesPublic || insider(actor, meeting.body) || (!!actor && meeting.attendeeUserIds.includes(actor.id))
    );
  },
};
