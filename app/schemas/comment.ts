import { z } from "zod";

export const COMMENT_MAX_LENGTH = 5000;

export const commentBody = z
  .string({ required_error: "errors.commentEmpty" })
  .trim()
  .min(1, "errors.commentEmpty")
  .max(COMMENT_MAX_LENGTH, "errors.commentTooLong");

const anchorPart = z
  .string()
  .max(2000)
  .regex(/^[A-Za-z0-9+/=]*$/, "errors.invalidAnchor");

export const NewThreadSchema = z.object({
  articleId: z.string().trim().min(1, "errors.required").max(64),
  anchorStart: anchorPart.optional().transform((v) => v || null),
  anchorEnd: anchorPart.optional().transform((v) => v || null),
  quote: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => v || null),
  visibility: z.enum(["INTERNAL", "WORKING_GROUP"]).default("WORKING_GROUP"),
  /** A thread about a suggestion names its key in the document ("<author id>:<random id>"). */
  suggestionId: z
    .string()
    .max(200)
    .regex(/^([A-Za-z0-9_-]+:[A-Za-z0-9]+)?$/, "errors.invalidSuggestion")
    .optional()
    .transform((v) => v || null),
  body: commentBody,
});

export const ReplySchema = z.object({ threadId: z.string().min(1), body: commentBody });
export const EditCommentSchema = z.object({ commentId: z.string().min(1), body: commentBody });
export const DeleteCommentSchema = z.object({ commentId: z.string().min(1) });
