import { z } from "zod";
import { PLATFORM_TIME_ZONE } from "~/i18n/config";
import { parseLocalDate } from "./calendar";
import { zonedDateTime } from "./round";

export const COLLEGIUM_ROLES = ["CHAIR", "DEPUTY_CHAIR", "SECRETARY", "MEMBER"] as const;
export type CollegiumRole = (typeof COLLEGIUM_ROLES)[number];

/**
 * Terms are kept by day in the platform's time zone: a term starts at the first moment
 * of its first day and, once ended, lasts to the last moment of its last day (inclusive).
 */
export function dayStart(iso: string): Date {
  return zonedDateTime(`${iso}T00:00:00`, PLATFORM_TIME_ZONE)!;
}

export function dayEnd(iso: string): Date {
  return new Date(zonedDateTime(`${iso}T23:59:59`, PLATFORM_TIME_ZONE)!.getTime() + 999);
}

/** A moment's day in the platform's time zone, as YYYY-MM-DD. */
export function isoDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: PLATFORM_TIME_ZONE }).format(at);
}

/** A real calendar day written YYYY-MM-DD (an `<input type="date">` value). */
export const isDay = (value: string) => parseLocalDate(value) !== null;

const requiredDay = z
  .string({ required_error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .refine(isDay, "collegium.errors.date");

const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || isDay(value), "collegium.errors.date");

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "errors.tooLong")
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || z.string().email().safeParse(value).success, "errors.email");

/** A seat on the roll: a user by e-mail or a person by name, whom they represent, the term. */
export const AddMembershipSchema = z
  .object({
    email,
    personName: z.string().trim().max(200, "errors.tooLong").default(""),
    organizationId: z
      .string()
      .optional()
      .transform((value) => value || null),
    position: z.string().trim().max(300, "errors.tooLong").default(""),
    role: z.enum(COLLEGIUM_ROLES, { errorMap: () => ({ message: "errors.required" }) }),
    termStart: requiredDay,
    termEnd: optionalDay,
    appointedBy: z.string().trim().max(500, "errors.tooLong").default(""),
  })
  .superRefine((value, ctx) => {
    if (!value.email && !value.personName) {
      ctx.addIssue({ code: "custom", path: ["personName"], message: "collegium.errors.personRequired" });
    }
    if (value.termEnd && value.termEnd < value.termStart) {
      ctx.addIssue({ code: "custom", path: ["termEnd"], message: "collegium.errors.endBeforeStart" });
    }
  });

/** Ending a term on its last day. */
export const EndTermSchema = z.object({
  membershipId: z.string().min(1, "errors.required"),
  termEnd: requiredDay,
});

/** Linking a seat held by a person without an account to their account, found by e-mail. */
export const LinkMembershipSchema = z.object({
  membershipId: z.string().min(1, "errors.required"),
  email: z.string().trim().toLowerCase().min(1, "errors.required").email("errors.email"),
});

/** The body's voting rules, as percentages: quorum and majority are "more than" these shares. */
export const VotingRulesSchema = z.object({
  quorumPercent: z.coerce
    .number({ invalid_type_error: "errors.percent" })
    .min(0, "errors.percent")
    .max(99, "errors.percent"),
  majorityPercent: z.coerce
    .number({ invalid_type_error: "errors.percent" })
    .min(0, "errors.percent")
    .max(99, "errors.percent"),
});
