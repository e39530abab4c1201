import type { z } from "zod";

export type FieldErrors = Record<string, string | undefined>;

/**
 * Parses FormData with a zod schema. Error messages in our schemas are translation keys,
 * so the UI shows them in the reader's language next to the field.
 */
export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  formData: FormData,
): { ok: true; value: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const raw: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) raw[key] = value;
  return parseValues(schema, raw);
}

/** The same for values already gathered (e.g. repeated checkboxes as an array). */
export function parseValues<S extends z.ZodTypeAny>(
  schema: S,
  raw: Record<string, unknown>,
): { ok: true; value: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
