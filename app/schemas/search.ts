import { z } from "zod";
import { DRAFT_KINDS, DRAFT_STATUSES } from "./draft";

export const SEARCH_KINDS = ["DRAFT", "ROUND", "COMMENT", "PROPOSAL"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A filter left empty, or given a value no select offers, means "any" (a GET form, no errors to show). */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional()).catch(undefined);

/** The search page's query string: the words and the filters. */
export const SearchParamsSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  kind: optional(z.enum(SEARCH_KINDS)),
  draftKind: optional(z.enum(DRAFT_KINDS)),
  draftStatus: optional(z.enum(DRAFT_STATUSES)),
  organization: optional(z.string().max(40)),
  /** Best match first unless the reader asks for the newest. */
  order: optional(z.enum(["relevance", "newest"])),
});
export type SearchParams = z.infer<typeof SearchParamsSchema>;
