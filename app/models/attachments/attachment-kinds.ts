/**
 * What travels with a draft law, in the order a dossier lists them (Armenian and Russian
 * drafting rules: the justification first, the impact assessment where one is required,
 * then annexes and the comparative table of the amended provisions).
 */
export const ATTACHMENT_KINDS = [
  "EXPLANATORY_NOTE",
  "IMPACT_ASSESSMENT",
  "ANNEX",
  "COMPARATIVE_TABLE",
  "OTHER",
] as const;

export type AttachmentKindName = (typeof ATTACHMENT_KINDS)[number];

/** Types an attachment may be, by file extension. */
export const ATTACHMENT_EXTENSIONS = ["docx", "pdf", "odt"] as const;
export type AttachmentExtension = (typeof ATTACHMENT_EXTENSIONS)[number];

/** The file field's `accept`, so the browser's picker offers what the server takes. */
export const ATTACHMENT_ACCEPT = ".docx,.pdf,.odt";
