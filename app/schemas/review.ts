import { z } from "zod";
import { TIME_ZONES, zonedDateTime } from "./round";

export const REVIEW_DECISIONS = ["APPROVE", "APPROVE_WITH_REMARKS", "OBJECT", "ABSTAIN"] as const;

/** Sending a version to a collegium: which body, which version, due when, with a note. */
export const SendReviewSchema = z
  .object({
    bodyId: z.string().min(1, "errors.required"),
    versionId: z.string().min(1, "errors.required"),
    dueAt: z.string().min(1, "errors.required"),
    timeZone: z.enum(TIME_ZONES, { errorMap: () => ({ message: "errors.required" }) }),
    note: z.string().trim().max(5000, "errors.tooLong").default(""),
  })
  .transform((value, ctx) => {
    const dueAt = zonedDateTime(value.dueAt, value.timeZone);
    if (!dueAt) ctx.addIssue({ code: "custom", path: ["dueAt"], message: "errors.dateTime" });
    return { ...value, dueAt: dueAt! };
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
