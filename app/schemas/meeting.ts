import { z } from "zod";
import { LOCALES } from "~/i18n/config";
import { TIME_ZONES, zonedDateTime } from "./round";

/** One guest per line: "Name <e-mail>" or "Name, e-mail"; the language is the form's choice for all guests. */
const GUEST_LINE = /^(.+?)\s*(?:<([^<>\s]+@[^<>\s]+)>|,\s*([^,\s]+@[^,\s]+))$/;

export function parseGuests(text: string): { name: string; email: string }[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const guests: { name: string; email: string }[] = [];
  for (const line of lines) {
    const match = GUEST_LINE.exec(line);
    const email = (match?.[2] ?? match?.[3] ?? "").toLowerCase();
    if (!match || !z.string().email().safeParse(email).success) return null;
    guests.push({ name: match[1]!.trim(), email });
  }
  return guests;
}

const link = z
  .string()
  .trim()
  .max(500, "errors.tooLong")
  .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), "meetings.errors.onlineUrl");

/** The secretary's meeting form: when (in a zone), where, agenda (reviews and free items), guests. */
export const MeetingSchema = z
  .object({
    title: z.string().trim().min(1, "errors.required").max(300, "errors.tooLong"),
    startsAt: z.string().min(1, "errors.required"),
    endsAt: z.string().min(1, "errors.required"),
    timeZone: z.enum(TIME_ZONES, { errorMap: () => ({ message: "errors.required" }) }),
    place: z.string().trim().max(300, "errors.tooLong").default(""),
    onlineUrl: link.default(""),
    reviewIds: z.array(z.string().max(64)).max(30).default([]),
    freeItems: z.string().max(5000, "errors.tooLong").default(""),
    guests: z.string().max(5000, "errors.tooLong").default(""),
    guestLocale: z.enum(LOCALES).default("hy"),
  })
  .transform((value, ctx) => {
    const startsAt = zonedDateTime(value.startsAt, value.timeZone);
    const endsAt = zonedDateTime(value.endsAt, value.timeZone);
    if (!startsAt) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "errors.dateTime" });
    if (!endsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.dateTime" });
    if (startsAt && endsAt && endsAt <= startsAt) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "meetings.errors.endsBeforeStarts" });
    }
    if (!value.place && !value.onlineUrl) {
      ctx.addIssue({ code: "custom", path: ["place"], message: "meetings.errors.placeOrLink" });
    }
    const guests = parseGuests(value.guests);
    if (!guests) ctx.addIssue({ code: "custom", path: ["guests"], message: "meetings.errors.guests" });
    const freeItems = value.freeItems
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (freeItems.some((item) => item.length > 300)) {
      ctx.addIssue({ code: "custom", path: ["freeItems"], message: "errors.tooLong" });
    }
    if (value.reviewIds.length === 0 && freeItems.length === 0) {
      ctx.addIssue({ code: "custom", path: ["freeItems"], message: "meetings.errors.emptyAgenda" });
    }
    return {
      title: value.title,
      startsAt: startsAt!,
      endsAt: endsAt!,
      timeZone: value.timeZone,
      place: value.place,
      onlineUrl: value.onlineUrl,
      reviewIds: [...new Set(value.reviewIds)],
      freeItems,
      guests: (guests ?? []).map((g) => ({ ...g, locale: value.guestLocale })),
    };
  });

export type MeetingInput = z.output<typeof MeetingSchema>;

export const ATTENDANCE_KINDS = ["PRESENT", "ABSENT", "REPRESENTED"] as const;

export const ResponseSchema = z.object({
  response: z.enum(["ACCEPTED", "DECLINED"], { errorMap: () => ({ message: "errors.required" }) }),
});

export const PublishSchema = z.object({
  publish: z.enum(["INTERNAL", "PUBLIC"], { errorMap: () => ({ message: "errors.required" }) }),
});

export const MeetingsPublicitySchema = z.object({
  meetingsPublic: z.enum(["yes", "no"], { errorMap: () => ({ message: "errors.required" }) }),
});
