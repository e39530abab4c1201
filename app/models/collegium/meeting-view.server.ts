import { meetingQuorum } from "~/collegium/meeting-quorum";
import type { Locale } from "~/i18n/config";
import { draftTitle } from "~/i18n/localized-name";
import { can, type MaybeActor } from "~/policies";
import type { LoadedMeeting } from "./meeting-resource.server";

/**
 * What the meeting page shows this reader, decided by the policy: a public meeting's
 * outsiders see the time, place and agenda (drafts under review unnamed) but not who is
 * invited; the secretary gets the attendance and the decisions to record.
 */
export function meetingView(loaded: LoadedMeeting, actor: MaybeActor, locale: Locale) {
  const { meeting, seats, resource, body } = loaded;
  const insider =
    can(actor, "meeting.listPrivate", resource.body) || (!!actor && resource.inviteeUserIds.includes(actor.id));
  const manage = can(actor, "meeting.manage", resource);
  const attendance = new Map(meeting.attendance.map((a) => [a.membershipId, a]));
  const presentSeat = (id: string) =>
    attendance.get(id)?.kind === "PRESENT" || attendance.get(id)?.kind === "REPRESENTED";
  const memberInvitees = meeting.invitees.filter((i) => i.membershipId);
  const seatRole = (id: string | null) => seats.find((s) => s.id === id)?.role ?? "MEMBER";
  const quorum = meetingQuorum(
    memberInvitees.length,
    memberInvitees.flatMap((i) => (attendance.get(i.membershipId!) ? [attendance.get(i.membershipId!)!.kind] : [])),
    { quorumShare: body.quorumShare, majorityShare: body.majorityShare },
  );
  const mine = actor ? meeting.invitees.find((i) => i.userId === actor.id) : undefined;
  return {
    id: meeting.id,
    bodyId: meeting.bodyId,
    title: meeting.title,
    status: meeting.status,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    timeZone: meeting.timeZone,
    place: meeting.place,
    onlineUrl: insider ? meeting.onlineUrl : "",
    agenda: meeting.agenda.map((item) => ({
      id: item.id,
      label: item.review ? (insider ? draftTitle(item.review.draft, locale) : null) : item.title,
      review:
        item.review && insider
          ? {
              id: item.review.id,
              status: item.review.status,
              outcome: item.review.outcome,
              decided: item.review.decisions.length,
              reviewers: item.review.reviewers.length,
              present: manage
                ? item.review.reviewers
                    .filter((r) => presentSeat(r.membershipId))
                    .map((r) => ({
                      membershipId: r.membershipId,
                      name: meeting.invitees.find((i) => i.membershipId === r.membershipId)?.name ?? "",
                    }))
                : [],
            }
          : null,
    })),
    invitees: insider
      ? meeting.invitees.map((i) => ({
          id: i.id,
          name: i.name,
          guest: !i.membershipId,
          response: i.response,
          attendance: i.membershipId ? (attendance.get(i.membershipId)?.kind ?? null) : null,
        }))
      : [],
    attendanceRows: manage
      ? memberInvitees.map((i) => ({
          membershipId: i.membershipId!,
          name: i.name,
          role: seatRole(i.membershipId),
          kind: attendance.get(i.membershipId!)?.kind ?? null,
          representedBy: attendance.get(i.membershipId!)?.representedBy ?? "",
        }))
      : [],
    quorum: insider ? quorum : null,
    attendanceRecorded: meeting.attendance.length > 0,
    myResponse: mine && can(actor, "meeting.respond", resource) ? mine.response : null,
    canManage: manage,
    minutes: {
      status: meeting.minutesStatus,
      draftId: can(actor, "meeting.viewMinutes", resource) ? meeting.minutesDraftId : null,
      canWrite: can(actor, "meeting.writeMinutes", resource),
      canView: can(actor, "meeting.viewMinutes", resource),
      sha256: meeting.minutesStatus === "APPROVED" ? meeting.minutesSha256 : null,
      approvedAt: meeting.minutesApprovedAt?.toISOString() ?? null,
      public: meeting.minutesPublic,
    },
  };
}
