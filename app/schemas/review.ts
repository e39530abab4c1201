import { z } from "zod";
import { TIME_ZONES, zonedDateTime } from "./round";

export const REVIEW_DECISIONS = ["APPROVE", "APPROVE_WITH_REMARKS", "OBJECT", "ABSTAIN"] as const;

/** The version choice that freezes the text as it stands now, in the same step as sending. */
export const FREEZE_CURRENT_TEXT = "current-text";

/**
 * Sending a version to a collegium: which body, which version (or the current text, frozen
 * under the name given), due when, with a note.
 */
export const SendReviewSchema = z
  .object({
    bodyId: z.string().min(1, "errors.required"),
    versionId: z.string().min(1, "errors.required"),
    versionName: z.string().trim().max(200, "errors.tooLong").default(""),
    dueAt: z.string().min(1, "errors.required"),
    timeZone: z.enum(TIME_ZONES, { errorMap: () => ({ message: "errors.required" }) }),
    note: z.string().trim().max(5000, "errors.tooLong").default(""),
  })
  .transform((value, ctx) => {
    const dueAt = zonedDateTime(value.dueAt, value.timeZone);
    if (!dueAt) ctx.addIssue({ code: "custom", path: ["dueAt"], message: "errors.dateTime" });
    if (value.versionId === FREEZE_CURRENT_TEXT && !value.versionName) {
      ctx.addIssue({ code: "custom", path: ["versionName"], message: "errors.required" });
    }
    return { ...value, dueAt: dueAt!, freezeCurrent: value.versionId === FREEZE_CURRENT_TEXT };
  });

/** A reviewer's decision: remarks are required for anything but a plain approval. */
export const DecisionSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS, { errorMap: () => ({ message: "errors.required" }) }),
    remarks: z.string().trim().max(10_000, "errors.tooLong").default(""),
  })
  .refine((v) => v.decision === "APPROVE" || v.remarks.length > 0, {
    message: "errors.remarksRequired",
    path: ["remarks"],
  });
