import { z } from "zod";
import { TEXT_LANGUAGE_CODES } from "~/i18n/text-languages";
import { optionalText } from "./common";

export const DRAFT_KINDS = [
  "LAW",
  "LAW_AMENDMENT",
  "DECISION",
  "CONCEPT",
  "MODEL_REGULATION",
  "COOPERATION_AGREEMENT",
  "MEMORANDUM",
  "PROTOCOL",
] as const;

export const DRAFT_STATUSES = [
  "DRAFTING",
  "IN_CONSULTATION",
  "REVISION",
  "COLLEGIUM_REVIEW",
  "ADOPTED",
  "SIGNED",
  "WITHDRAWN",
] as const;

export const INITIAL_CONTENT = ["template", "empty", "import"] as const;

const optionalTitle = optionalText(500);

/** Titles in one or more languages and the kind: shared by creating and editing. */
const detailsFields = {
  titleHy: optionalTitle,
  titleRu: optionalTitle,
  titleKa: optionalTitle,
  titleEn: optionalTitle,
  kind: z.enum(DRAFT_KINDS, { errorMap: () => ({ message: "errors.required" }) }),
};

type Titled = { titleHy: string | null; titleRu: string | null; titleKa: string | null; titleEn: string | null };

const hasSomeTitle = <T extends Titled, I>(schema: z.ZodType<T, z.ZodTypeDef, I>) =>
  schema.refine((d) => d.titleHy || d.titleRu || d.titleKa || d.titleEn, {
    message: "errors.titleRequired",
    path: ["titleHy"],
  });

export const DraftSchema = hasSomeTitle(
  z.object({
    ...detailsFields,
    ownerOrganizationId: z.string({ required_error: "errors.required" }).min(1, "errors.required"),
    initialContent: z.enum(INITIAL_CONTENT).default("template"),
    textLanguage: z.enum(TEXT_LANGUAGE_CODES, { errorMap: () => ({ message: "errors.textLanguage" }) }),
  }),
);

export type DraftInput = z.infer<typeof DraftSchema>;

/** Editing a draft's titles and kind. */
export const DraftDetailsSchema = hasSomeTitle(z.object(detailsFields));

export type DraftDetails = z.infer<typeof DraftDetailsSchema>;

/** The language of a draft's text, from the list of text languages only. */
export const TextLanguageSchema = z.object({
  textLanguage: z.enum(TEXT_LANGUAGE_CODES, { errorMap: () => ({ message: "errors.textLanguage" }) }),
});

/** A text of the draft in another language, and what it starts from (decision 024). */
export const LanguageTextSchema = TextLanguageSchema.extend({
  mode: z.enum(["copy", "empty"], { errorMap: () => ({ message: "errors.required" }) }),
});

/** Which texts are authentic: "equal", or the document id of the one authoritative text (decision 024). */
export const AuthenticitySchema = z.object({
  authoritative: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(200),
});

export const ShareSchema = z
  .object({
    target: z.enum(["organization", "user"]),
    organizationId: z.string().optional(),
    email: z.string().trim().toLowerCase().optional(),
    level: z.enum(["EDIT", "SUGGEST", "COMMENT"], { errorMap: () => ({ message: "errors.required" }) }),
  })
  .superRefine((value, ctx) => {
    if (value.target === "organization" && !value.organizationId) {
      ctx.addIssue({ code: "custom", path: ["organizationId"], message: "errors.required" });
    }
    if (value.target === "user" && !z.string().email().safeParse(value.email).success) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "errors.email" });
    }
  });

export type ShareInput = z.infer<typeof ShareSchema>;

export const StatusSchema = z.object({ status: z.enum(DRAFT_STATUSES) });
