/**
 * When reviewers who have not decided are reminded of a review: two days before the due
 * date, or, for a review given less than four days, halfway between sending and the due
 * date. So a review due in ten days is reminded of with two days left, one due in two hours
 * with one hour left, and none the moment it is sent. The reminder says how much time is
 * really left (`timeLeft`), never a fixed "2 days".
 */
export const REMINDER_LEAD_MS = 2 * 24 * 60 * 60 * 1000;

export function reminderAt(sentAt: Date, dueAt: Date): Date {
  const span = dueAt.getTime() - sentAt.getTime();
  return new Date(dueAt.getTime() - Math.min(REMINDER_LEAD_MS, Math.max(0, span) / 2));
}

export type TimeLeft = { unit: "days" | "hours" | "minutes"; count: number };

/** What is left until the due date, rounded down: never more than is really left. */
export function timeLeft(now: Date, dueAt: Date): TimeLeft {
  const minutes = Math.max(0, Math.floor((dueAt.getTime() - now.getTime()) / 60_000));
  if (minutes >= 2 * 24 * 60) return { unit: "days", count: Math.floor(minutes / (24 * 60)) };
  if (minutes >= 120) return { unit: "hours", count: Math.floor(minutes / 60) };
  return { unit: "minutes", count: minutes };
}
