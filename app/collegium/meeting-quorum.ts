import { DEFAULT_RULES, hasQuorum, type Rules } from "./outcome";

/**
 * Quorum at a meeting, from the secretary's attendance record under the body's own quorum
 * rule (the one reviews use): members present in person or represented take part; absent
 * and not yet recorded seats do not. `needed` is the smallest attendance that is a quorum.
 */
export type AttendanceKind = "PRESENT" | "ABSENT" | "REPRESENTED";

export type MeetingQuorum = { seats: number; attending: number; needed: number; quorumMet: boolean };

export function meetingQuorum(
  seats: number,
  attendance: AttendanceKind[],
  rules: Rules = DEFAULT_RULES,
): MeetingQuorum {
  const attending = attendance.filter((kind) => kind !== "ABSENT").length;
  let needed = 0;
  while (needed <= seats && !hasQuorum(seats, needed, rules)) needed++;
  return { seats, attending, needed, quorumMet: hasQuorum(seats, attending, rules) };
}
