import { z } from "zod";
import { ATTACHMENT_KINDS } from "~/models/attachments/attachment-kinds";

/** A new attachment's kind and title; the file itself is checked by the upload check. */
export const NewAttachmentSchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS, { errorMap: () => ({ message: "errors.required" }) }),
  title: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(200, "errors.tooLong"),
});
