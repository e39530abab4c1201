import { z } from "zod";
import { asUtcMillis, parseLocalDateTime } from "./calendar";

/** `datetime-local` input (no zone) read in the given IANA time zone; null unless a real moment. */
export function zonedDateTime(local: string, timeZone: string): Date | null {
  const typed = parseLocalDateTime(local);
  if (!typed) return null;
  const asUtc = asUtcMillis(typed);
  // The zone's offset at that moment, from how Intl writes the UTC instant in the zone.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    })
      .formatToParts(new Date(asUtc))
      .map((p) => [p.type, Number(p.value)]),
  );
  const zoned = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, typed.second);
  return new Date(asUtc - (zoned - asUtc));
}

export const TIME_ZONES = ["Asia/Yerevan", "Asia/Tbilisi", "Europe/Moscow", "Asia/Yakutsk", "UTC"] as const;

export function roundSchema(minHours: number) {
  return z
    .object({
      title: z.string().trim().min(1, "errors.required").max(300, "errors.tooLong"),
      description: z.string().trim().max(5000, "errors.tooLong").default(""),
      opensAt: z.string().min(1, "errors.required"),
      closesAt: z.string().min(1, "errors.required"),
      timeZone: z.enum(TIME_ZONES, { errorMap: () => ({ message: "errors.required" }) }),
      audience: z.enum(["PUBLIC", "INVITED"], { errorMap: () => ({ message: "errors.required" }) }),
      invited: z.array(z.string()).default([]),
      versionName: z.string().trim().max(200, "errors.tooLong").default(""),
    })
    .transform((value, ctx) => {
      const opensAt = zonedDateTime(value.opensAt, value.timeZone);
      const closesAt = zonedDateTime(value.closesAt, value.timeZone);
      if (!opensAt) ctx.addIssue({ code: "custom", path: ["opensAt"], message: "errors.dateTime" });
      if (!closesAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "errors.dateTime" });
      if (opensAt && closesAt && closesAt <= opensAt) {
        ctx.addIssue({ code: "custom", path: ["closesAt"], message: "errors.closesBeforeOpens" });
      } else if (opensAt && closesAt && closesAt.getTime() - opensAt.getTime() < minHours * 3_600_000) {
        ctx.addIssue({ code: "custom", path: ["closesAt"], message: "errors.roundTooShort" });
      }
      if (value.audience === "INVITED" && value.invited.length === 0) {
        ctx.addIssue({ code: "custom", path: ["invited"], message: "errors.inviteSomeone" });
      }
      return { ...value, opensAt: opensAt!, closesAt: closesAt! };
    });
}

export const ProposalSchema = z.object({
  articleId: z.string().trim().min(1, "errors.required").max(64),
  /** The language text of the round's version it concerns (a VersionText id); "": the main text. */
  versionTextId: z.string().trim().max(64).default(""),
  quote: z
    .string()
    .trim()
    .max(2000, "errors.tooLong")
    .optional()
    .transform((v) => v || null),
  proposedText: z.string().trim().min(1, "errors.required").max(10_000, "errors.tooLong"),
  justification: z.string().trim().min(1, "errors.required").max(10_000, "errors.tooLong"),
  onBehalfOf: z.string().default(""),
});

/** An official answer: its decision, and a justification unless the proposal is accepted. */
const answerFields = {
  decision: z.enum(["ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED", "NOTED"], {
    errorMap: () => ({ message: "errors.required" }),
  }),
  answer: z.string().trim().max(10_000, "errors.tooLong").default(""),
};
const justifiedUnlessAccepted = (v: { decision: string; answer: string }) =>
  v.decision === "ACCEPTED" || v.answer.length > 0;
const justificationMissing = { message: "errors.justificationRequired", path: ["answer"] };

/** The same answer for every proposal of a campaign group. */
export const GroupAnswerSchema = z
  .object({ groupId: z.string().min(1), ...answerFields })
  .refine(justifiedUnlessAccepted, justificationMissing);

/** The same answer for the proposals ticked on the page, or for every one matching the filter. */
export const BulkAnswerSchema = z
  .object({
    scope: z.enum(["selected", "filter"], { errorMap: () => ({ message: "errors.required" }) }),
    ...answerFields,
  })
  .refine(justifiedUnlessAccepted, justificationMissing);

export const AnswerSchema = z
  .object({ proposalId: z.string().min(1), ...answerFields })
  .refine(justifiedUnlessAccepted, justificationMissing);

/** A moment as a `datetime-local` value (to the minute, no seconds) on the wall clock of a zone. */
export function localDateTimeIn(moment: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(moment)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * What the new-round form starts with: opening now (to the minute) and closing exactly the
 * minimum period later (at least an hour), in the first zone of the list, which the time-zone
 * field also starts with. Staff usually change only the closing date.
 */
export function roundFormDefaults(minHours: number, now = new Date()) {
  const timeZone = TIME_ZONES[0];
  const opens = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const closes = new Date(opens.getTime() + Math.max(minHours, 1) * 3_600_000);
  return { timeZone, opensAt: localDateTimeIn(opens, timeZone), closesAt: localDateTimeIn(closes, timeZone) };
}
