import { z } from "zod";
import { DRAFT_KINDS } from "~/models/follow/follow-scope";
import { MODERATION_REASONS } from "~/models/moderation/moderation-reasons";
import { email } from "./account";

/**
 * The follow form: what to follow (every new public round, one ministry's, one kind of
 * draft's, or one round's answers) and, for a visitor, the address to confirm.
 */
export const FollowSchema = z
  .object({
    topic: z.enum(["all", "ministry", "draftKind", "answers"], {
      errorMap: () => ({ message: "follow.errors.topic" }),
    }),
    organizationId: z.string().trim().max(64).default(""),
    draftKind: z.string().trim().max(64).default(""),
    roundId: z.string().trim().max(64).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.topic === "ministry" && !v.organizationId)
      ctx.addIssue({ code: "custom", path: ["organizationId"], message: "follow.errors.ministry" });
    if (v.topic === "draftKind" && !(DRAFT_KINDS as readonly string[]).includes(v.draftKind))
      ctx.addIssue({ code: "custom", path: ["draftKind"], message: "follow.errors.kind" });
    if (v.topic === "answers" && !v.roundId)
      ctx.addIssue({ code: "custom", path: ["roundId"], message: "errors.notFound" });
  });

export const VisitorEmailSchema = z.object({ email });

/** Hiding, and flagging: a reason from the published rules, and the person's own words. */
export const ModerationSchema = z.object({
  reason: z.enum(MODERATION_REASONS, { errorMap: () => ({ message: "moderation.errors.reason" }) }),
  note: z.string().trim().max(2000, "errors.tooLong").default(""),
});
