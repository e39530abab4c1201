import { z } from "zod";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.tooLong")
    .transform((value) => value || null);

/** The accessibility feedback form: only the message is required; a visitor may stay anonymous. */
export const AccessibilityFeedbackSchema = z.object({
  message: z.string().trim().min(1, "errors.required").max(5_000, "errors.tooLong"),
  name: optional(200).default(""),
  email: z
    .string()
    .trim()
    .max(320, "errors.tooLong")
    .refine((value) => value === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), "errors.email")
    .transform((value) => value || null)
    .default(""),
  pageUrl: optional(2_000).default(""),
});

export type AccessibilityFeedbackInput = z.infer<typeof AccessibilityFeedbackSchema>;
