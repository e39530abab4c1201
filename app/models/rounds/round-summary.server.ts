import { storedTextLanguage } from "~/i18n/text-languages";
import { DRAFT_TITLES, ORGANIZATION_NAME_FIELDS, draftTitle, type DraftTitleFields } from "~/i18n/localized-name";
import { organizationName } from "~/i18n/localized-name";
import { outlineOf } from "~/editor/outline";
import type { Decision, SummaryLabels, SummaryRow, SummaryTable } from "~/exports/summary-table";
import type { Locale } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { serverT } from "~/i18n/server-t.server";
import { db } from "~/utils/db.server";
import { readStoredDocument } from "~/editor/stored-document";

export const DECISIONS: Decision[] = ["ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED", "NOTED"];

/** Column headers and decision names in the interface language. */
export function summaryLabels(locale: Locale): SummaryLabels {
  const t = serverT(locale);
  return {
    article: t("summary.article"),
    proposal: t("summary.proposal"),
    justification: t("summary.justification"),
    author: t("summary.author"),
    organization: t("summary.organization"),
    decision: t("summary.decision"),
    answer: t("summary.answer"),
    quote: t("summary.quote"),
    onOwnBehalf: t("summary.onOwnBehalf"),
    total: t("summary.total"),
    totalsByDecision: t("summary.totalsByDecision"),
    totalsByOrganization: t("summary.totalsByOrganization"),
    count: t("summary.count"),
    unanswered: t("summary.unanswered"),
    decisions: Object.fromEntries(DECISIONS.map((d) => [d, t(`decisions.${d}`)])) as Record<Decision, string>,
    // "Article 3." in the editor's label; the table adds its own separator.
    articleNumber: (n) => t("editor.articleNumber", { number: n }).replace(/\.$/, ""),
  };
}

/** "Hidden by the moderator: <reason>", in the table's language. */
function hiddenNotice(t: ReturnType<typeof serverT>, reason: string | null): string {
  return t("moderation.hiddenInSummary", { reason: t(`moderation.reasons.${reason ?? "unlawful"}`) });
}

/** What a summary row is made from: a proposal with its author's and organization's names. */
export const SUMMARY_PROPOSAL_FIELDS = {
  author: { select: { name: true, deletedAt: true } },
  organization: { select: ORGANIZATION_NAME_FIELDS },
  versionText: { select: { textLanguage: true } },
} as const;

/** A proposal as a summary row reads it; of `hiddenAt` and `deletedAt` only whether they are set (the CSV's SQL reads them as flags). */
export type SummaryProposal = {
  id: string;
  groupId: string | null;
  hiddenAt: Date | boolean | null;
  hiddenReason: string | null;
  articleId: string;
  quote: string | null;
  proposedText: string;
  justification: string;
  decision: string | null;
  answer: string | null;
  author: { name: string; deletedAt: Date | boolean | null };
  organization: Parameters<typeof organizationName>[0] | null;
  /** The language text it concerns; null (or absent): the main text. */
  versionText?: { textLanguage: string } | null;
};

/** The consulted version's articles by id (number and title), for the article column. */
export function articlesOf(content: unknown) {
  return new Map(
    outlineOf(readStoredDocument(content))
      .filter((entry) => entry.type === "article")
      .map((entry) => [entry.id, entry]),
  );
}

/** One proposal as a row of the summary, in the table's language. */
export function summaryRowOf(
  p: SummaryProposal,
  articles: ReturnType<typeof articlesOf>,
  t: ReturnType<typeof serverT>,
  locale: Locale,
): SummaryRow {
  return {
    proposalId: p.id,
    groupId: p.groupId,
    hidden: !!p.hiddenAt,
    articleNumber: articles.get(p.articleId)?.number ?? 0,
    articleTitle: articles.get(p.articleId)?.title ?? "",
    // The text it concerns, named only when it is not the main text (an act in several languages).
    text: p.versionText
      ? t("texts.languageText", { language: t(`textLanguages.${storedTextLanguage(p.versionText.textLanguage)}`) })
      : null,
    // A hidden proposal keeps its row and its answer; only its words are withheld.
    quote: p.hiddenAt ? null : p.quote,
    proposal: p.hiddenAt ? hiddenNotice(t, p.hiddenReason) : p.proposedText,
    justification: p.hiddenAt ? "" : p.justification,
    // A deleted account's proposals stay in the record, without the person's name.
    author: p.author.deletedAt ? t("citizens.formerParticipant") : p.author.name,
    organization: p.organization ? organizationName(p.organization, locale) : null,
    decision: p.decision as Decision | null,
    answer: p.answer ?? "",
  };
}

/** The summary's title, and its subtitle naming the draft, the round and its period. */
export function summaryHeading(
  round: { title: string; opensAt: Date; closesAt: Date; timeZone: string; draft: DraftTitleFields },
  t: ReturnType<typeof serverT>,
  locale: Locale,
): { title: string; subtitle: string } {
  const period = `${formatDate(t, round.opensAt, true, round.timeZone)} – ${formatDate(t, round.closesAt, true, round.timeZone)}`;
  return { title: t("summary.title"), subtitle: `${draftTitle(round.draft, locale)} — ${round.title} (${period})` };
}

/**
 * The order of the summary's rows by article, for the downloads and the page alike: article
 * ids proposals carry that the consulted version lacks (none, normally) first, as article 0,
 * then the version's articles by number.
 */
export function summaryArticleOrder(articles: ReturnType<typeof articlesOf>, present: Iterable<string>): string[] {
  const unknown = [...present].filter((id) => !articles.has(id)).sort();
  return [...unknown, ...[...articles.values()].sort((a, b) => a.number - b.number).map((a) => a.id)];
}

/**
 * The summary table of a round: every submitted (not withdrawn) proposal with its answer,
 * ordered by article as they stand in the consulted version, then by submission time.
 * Labels are in the interface language; the content stays as written.
 */
export async function buildSummaryTable(roundId: string, locale: Locale): Promise<SummaryTable> {
  const t = serverT(locale);
  const labels = summaryLabels(locale);
  const round = await db().consultationRound.findUniqueOrThrow({
    where: { id: roundId },
    include: {
      version: { select: { content: true, number: true } },
      draft: { select: DRAFT_TITLES },
    },
  });
  const proposals = await db().proposal.findMany({
    where: { roundId, status: "SUBMITTED" },
    orderBy: { createdAt: "asc" },
    include: SUMMARY_PROPOSAL_FIELDS,
  });
  const articles = articlesOf(round.version.content);
  const rows: SummaryRow[] = proposals
    .map((p) => summaryRowOf(p, articles, t, locale))
    // Array.prototype.sort is stable: submission order survives within an article.
    .sort((a, b) => a.articleNumber - b.articleNumber);

  const byOrganization = new Map<string, number>();
  for (const row of rows) {
    const name = row.organization ?? labels.onOwnBehalf;
    byOrganization.set(name, (byOrganization.get(name) ?? 0) + 1);
  }
  return {
    ...summaryHeading(round, t, locale),
    rows,
    totalsByDecision: DECISIONS.map((decision) => ({
      decision,
      count: rows.filter((r) => r.decision === decision).length,
    })),
    totalsByOrganization: [...byOrganization].map(([organization, count]) => ({ organization, count })),
  };
}

export type CampaignTotals = {
  /** Proposals sent by people on their own behalf, and on behalf of an organization. */
  individual: number;
  byOrganization: number;
  /** Groups of more than one proposal, largest first: the text of the first, how many, from how many organizations. */
  groups: { articleNumber: number; proposal: string; count: number; organizations: number }[];
};
