import { z } from "zod";

export const VersionSchema = z.object({
  name: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(200, "errors.tooLong"),
});
