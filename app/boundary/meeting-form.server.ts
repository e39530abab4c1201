import type { Decision } from "~/collegium/outcome";
import type { AttendanceEntry } from "~/models/collegium/meetings.server";
import { ATTENDANCE_KINDS, MeetingSchema } from "~/schemas/meeting";
import { REVIEW_DECISIONS } from "~/schemas/review";
import { InvalidInput, type IntentContext } from "./intents.server";

/** The meeting form read through its schema; the agenda's checkboxes are repeated fields. */
export function parseMeetingForm({ form, parse }: IntentContext) {
  return parse(MeetingSchema, { ...Object.fromEntries(form.entries()), reviewIds: form.getAll("reviewIds") });
}

const ATTENDANCE = new Set(ATTENDANCE_KINDS as readonly string[]);
const DECISIONS = new Set(REVIEW_DECISIONS as readonly string[]);

/** `kind.<seat>` and `representedBy.<seat>` per row; rows left "not recorded" are skipped. */
export function parseAttendanceForm({ form }: IntentContext): AttendanceEntry[] {
  const entries: AttendanceEntry[] = [];
  for (const [name, value] of form.entries()) {
    if (!name.startsWith("kind.") || value === "") continue;
    const membershipId = name.slice("kind.".length);
    if (typeof value !== "string" || !ATTENDANCE.has(value)) throw new InvalidInput({ [name]: "errors.required" });
    const representedBy = String(form.get(`representedBy.${membershipId}`) ?? "").trim();
    if (representedBy.length > 200) throw new InvalidInput({ [`representedBy.${membershipId}`]: "errors.tooLong" });
    entries.push({ membershipId, kind: value as AttendanceEntry["kind"], representedBy });
  }
  return entries;
}

/** `decision.<seat>` per member present; members left at "—" are not written. */
export function parseMeetingDecisionsForm({ form }: IntentContext) {
  const decisions: { membershipId: string; decision: Decision }[] = [];
  for (const [name, value] of form.entries()) {
    if (!name.startsWith("decision.") || value === "") continue;
    if (typeof value !== "string" || !DECISIONS.has(value)) throw new InvalidInput({ [name]: "errors.required" });
    decisions.push({ membershipId: name.slice("decision.".length), decision: value as Decision });
  }
  if (decisions.length === 0) throw new InvalidInput({ form: "errors.required" });
  return { reviewId: String(form.get("reviewId") ?? ""), decisions };
}
