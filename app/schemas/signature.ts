import { z } from "zod";
import { isDay, isoDay } from "./collegium";

/** How many signatory rows the form offers; empty rows are ignored. */
export const SIGNATORY_ROWS = 6;

const text = (max: number) => z.string().trim().max(max, "errors.tooLong").default("");

export type Signatory = { name: string; position: string; organization: string };

export type SignatureInput = { versionId: string; signedOn: string; place: string; signatories: Signatory[] };

/**
 * Reads the signature form: a frozen version, the day signed (a real day, not after today in
 * the platform's time zone), the place, and the signatories row by row. The rule for who
 * signed: every filled row names a person, their position and the party they signed for;
 * at least two parties (an agreement binds two sides at least), so at least two signatories.
 * Errors are translation keys by field name, shown next to the field. The route hands in
 * the form's fields as plain values.
 */
export function parseSignature(
  values: Record<string, unknown>,
  now = new Date(),
): { ok: true; value: SignatureInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const read = (name: string, max: number) => {
    const parsed = text(max).safeParse(values[name] ?? "");
    if (!parsed.success) {
      errors[name] = parsed.error.issues[0]!.message;
      return "";
    }
    return parsed.data;
  };
  const versionId = read("versionId", 100);
  if (!versionId) errors.versionId = "errors.required";
  const signedOn = read("signedOn", 10);
  if (!signedOn) errors.signedOn ??= "errors.required";
  else if (!isDay(signedOn)) errors.signedOn = "signature.errors.date";
  else if (signedOn > isoDay(now)) errors.signedOn = "signature.errors.future";
  const place = read("place", 200);
  if (!place) errors.place ??= "errors.required";

  const signatories: Signatory[] = [];
  for (let row = 1; row <= SIGNATORY_ROWS; row++) {
    const fields = {
      name: read(`name${row}`, 200),
      position: read(`position${row}`, 200),
      organization: read(`organization${row}`, 300),
    };
    const filled = Object.values(fields).filter(Boolean).length;
    if (filled === 0) continue;
    for (const [key, value] of Object.entries(fields)) {
      if (!value) errors[`${key}${row}`] ??= "errors.required";
    }
    if (filled === 3) signatories.push(fields);
  }
  const parties = new Set(signatories.map((s) => s.organization.toLocaleLowerCase()));
  if (!Object.keys(errors).some((key) => /\d$/.test(key)) && parties.size < 2) {
    errors.signatories = "signature.errors.twoParties";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { versionId, signedOn, place, signatories } };
}
