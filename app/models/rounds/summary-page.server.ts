import type { Decision, SummaryRow } from "~/exports/summary-table";
import type { Locale } from "~/i18n/config";
import { DRAFT_TITLES, organizationName, ORGANIZATION_NAMES } from "~/i18n/localized-name";
import { serverT } from "~/i18n/server-t.server";
import { db } from "~/utils/db.server";
import {
  articlesOf,
  DECISIONS,
  SUMMARY_PROPOSAL_FIELDS,
  summaryArticleOrder,
  summaryHeading,
  summaryRowOf,
  type CampaignTotals,
} from "./round-summary.server";

/**
 * One page of a round's summary table, for the public summary page: the rows of that page
 * and the round's totals, read by aggregates and index ranges (round, article, number), so a
 * page costs the same for 50 proposals as for a million. The downloads (CSV, Word, PDF) hold
 * every row; the rows here are in their order: article by article as the consulted version
 * orders them, by number within each.
 */

/** The largest campaigns listed on the page; the others are counted, and all are in the table. */
export const CAMPAIGNS_LISTED = 100;

export type SummaryPage = {
  title: string;
  subtitle: string;
  rows: SummaryRow[];
  rowCount: number;
  totalsByDecision: { decision: Decision; count: number }[];
  totalsByOrganization: { organization: string; count: number }[];
  campaigns: CampaignTotals & { unlisted: number };
};

export async function summaryPage(
  roundId: string,
  locale: Locale,
  { skip, take }: { skip: number; take: number },
): Promise<SummaryPage> {
  const t = serverT(locale);
  const round = await db().consultationRound.findUniqueOrThrow({
    where: { id: roundId },
    include: { version: { select: { content: true } }, draft: { select: DRAFT_TITLES } },
  });
  const submitted = { roundId, status: "SUBMITTED" } as const;
  const articles = articlesOf(round.version.content);
  // Per article and answer in one walk of the index (round, status, article, decision): the
  // page's article counts and the totals by answer both come from it.
  const perArticleAndDecision = await db().proposal.groupBy({
    by: ["articleId", "decision"],
    where: submitted,
    _count: { _all: true },
  });
  const counts = new Map<string, number>();
  const decisionCount = new Map<string | null, number>();
  for (const entry of perArticleAndDecision) {
    counts.set(entry.articleId, (counts.get(entry.articleId) ?? 0) + entry._count._all);
    decisionCount.set(entry.decision, (decisionCount.get(entry.decision) ?? 0) + entry._count._all);
  }
  const rowCount = [...counts.values()].reduce((sum, count) => sum + count, 0);

  // The page's rows: whole articles skipped by their counts, then one index range per article touched.
  const rows: SummaryRow[] = [];
  let toSkip = skip;
  for (const articleId of summaryArticleOrder(articles, counts.keys())) {
    if (rows.length >= take) break;
    const count = counts.get(articleId) ?? 0;
    if (toSkip >= count) {
      toSkip -= count;
      continue;
    }
    const proposals = await db().proposal.findMany({
      where: { ...submitted, articleId },
      orderBy: { number: "asc" },
      skip: toSkip,
      take: take - rows.length,
      include: SUMMARY_PROPOSAL_FIELDS,
    });
    toSkip = 0;
    rows.push(...proposals.map((p) => summaryRowOf(p, articles, t, locale)));
  }

  const [byOrganization, campaigns] = await Promise.all([
    db().proposal.groupBy({ by: ["organizationId"], where: submitted, _count: { _all: true } }),
    largestCampaigns(roundId, articles, t, locale),
  ]);
  const organizations = await db().organization.findMany({
    where: { id: { in: byOrganization.flatMap((entry) => (entry.organizationId ? [entry.organizationId] : [])) } },
    select: ORGANIZATION_NAMES,
  });
  const nameOf = new Map(organizations.map((org) => [org.id, organizationName(org, locale)]));
  const perOrganization = new Map<string, number>();
  let individual = 0;
  for (const entry of byOrganization) {
    if (!entry.organizationId) individual += entry._count._all;
    const name = (entry.organizationId && nameOf.get(entry.organizationId)) || t("summary.onOwnBehalf");
    perOrganization.set(name, (perOrganization.get(name) ?? 0) + entry._count._all);
  }

  return {
    ...summaryHeading(round, t, locale),
    rows,
    rowCount,
    totalsByDecision: DECISIONS.map((decision) => ({ decision, count: decisionCount.get(decision) ?? 0 })),
    totalsByOrganization: [...perOrganization]
      .map(([organization, count]) => ({ organization, count }))
      .sort((a, b) => b.count - a.count || a.organization.localeCompare(b.organization, locale)),
    campaigns: { individual, byOrganization: rowCount - individual, ...campaigns },
  };
}

/** The campaigns (groups of more than one proposal), largest first: each with its first proposal's text. */
async function largestCampaigns(
  roundId: string,
  articles: ReturnType<typeof articlesOf>,
  t: ReturnType<typeof serverT>,
  locale: Locale,
): Promise<Pick<SummaryPage["campaigns"], "groups" | "unlisted">> {
  const where = { roundId, status: "SUBMITTED", groupId: { not: null } } as const;
  const sizes = await db().proposal.groupBy({
    by: ["groupId"],
    where,
    _count: { groupId: true },
    having: { groupId: { _count: { gt: 1 } } },
    orderBy: { _count: { groupId: "desc" } },
  });
  const listed = sizes.slice(0, CAMPAIGNS_LISTED);
  const groupIds = listed.map((entry) => entry.groupId!);
  const [firsts, organizations] = await Promise.all([
    Promise.all(
      groupIds.map((groupId) =>
        db().proposal.findFirstOrThrow({
          where: { ...where, groupId },
          orderBy: { number: "asc" },
          include: SUMMARY_PROPOSAL_FIELDS,
        }),
      ),
    ),
    db().proposal.groupBy({
      by: ["groupId", "organizationId"],
      where: { ...where, groupId: { in: groupIds }, organizationId: { not: null } },
    }),
  ]);
  const organizationsIn = new Map<string, number>();
  for (const entry of organizations)
    organizationsIn.set(entry.groupId!, (organizationsIn.get(entry.groupId!) ?? 0) + 1);
  return {
    groups: listed.map((entry, i) => {
      const first = summaryRowOf(firsts[i]!, articles, t, locale);
      return {
        articleNumber: first.articleNumber,
        proposal: first.proposal,
        count: entry._count.groupId,
        organizations: organizationsIn.get(entry.groupId!) ?? 0,
      };
    }),
    unlisted: sizes.length - listed.length,
  };
}
