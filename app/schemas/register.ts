import { z } from "zod";
import { DRAFT_KINDS } from "./draft";

/**
 * The register's filters, read from the query string of the page and of the open-data API.
 * A value that does not fit is dropped rather than refused: a filter link that went stale
 * (an unknown kind, a mistyped year) still shows the register.
 */
export const RegisterFiltersSchema = z.object({
  kind: z.enum(DRAFT_KINDS).optional().catch(undefined),
  organization: z.string().trim().min(1).max(64).optional().catch(undefined),
  year: z.coerce.number().int().min(1900).max(9999).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  order: z.enum(["relevance", "newest"]).optional().catch(undefined),
});

export function readRegisterFilters(url: URL) {
  const parsed = RegisterFiltersSchema.parse(Object.fromEntries(url.searchParams));
  return {
    kind: parsed.kind,
    organizationId: parsed.organization,
    year: parsed.year,
    q: parsed.q,
    order: parsed.order,
  };
}
