import { z } from "zod";

/** An optional text field of a form: trimmed, length-checked, and null when left empty. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.tooLong")
    .optional()
    .transform((value) => (value ? value : null));
