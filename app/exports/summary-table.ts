/**
 * The summary table of a consultation round, as both downloads (CSV and Word) see it.
 * Kept free of database and i18n types so the exporters stay pure functions of their input:
 * the loader gathers and translates, the exporters only lay out.
 */

export type Decision = "ACCEPTED" | "PARTIALLY_ACCEPTED" | "REJECTED" | "NOTED";

export type SummaryRow = {
  proposalId: string;
  /** Its campaign group: proposals of the same (or nearly the same) text on one article. */
  groupId?: string | null;
  /** Hidden by the moderator: `proposal` then says so and why, its words are withheld. */
  hidden: boolean;
  /** 1-based article number in the consulted version. */
  articleNumber: number;
  articleTitle: string;
  /** "Text in Russian": the language text it concerns, in the table's language; null: the main text. */
  text?: string | null;
  /** Passage the proposal quotes, if any. */
  quote: string | null;
  /** Proposed wording, as written (any language). */
  proposal: string;
  /** The author's justification. */
  justification: string;
  /** The person's name. */
  author: string;
  /** Organization name in the interface language, or null when the person wrote on their own behalf. */
  organization: string | null;
  /** null only in the staff's preview, before every proposal is answered. */
  decision: Decision | null;
  /** The ministry's justification (may be "" for ACCEPTED). */
  answer: string;
};

export type SummaryTable = {
  /** E.g. "Summary of proposals". */
  title: string;
  /** E.g. draft title + round title + period. */
  subtitle: string;
  /** Already ordered by article. */
  rows: SummaryRow[];
  totalsByDecision: { decision: Decision; count: number }[];
  totalsByOrganization: { organization: string; count: number }[];
};

/** Column headers and decision names, already translated to the interface language. */
export type SummaryLabels = {
  article: string;
  proposal: string;
  justification: string;
  author: string;
  organization: string;
  decision: string;
  answer: string;
  quote: string;
  onOwnBehalf: string;
  total: string;
  totalsByDecision: string;
  totalsByOrganization: string;
  count: string;
  decisions: Record<Decision, string>;
  /** Shown for a proposal without an answer yet (staff preview). */
  unanswered: string;
  /** E.g. n => `Article ${n}`. */
  articleNumber: (n: number) => string;
};
