import { Prisma } from "~/generated/prisma/sqlite/client";
import { ORGANIZATION_NAME_FIELDS, ORGANIZATION_NAMES } from "~/i18n/localized-name";
import { searchBackendFor } from "~/search/search-backends.server";
import { queryTerms } from "~/search/search-words";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sqlDialect } from "~/utils/sql-dialect.server";
import type { AnswerCursor, AnswerFilter } from "./answer-filter";

/**
 * The staff's answering list of a round of any size (docs/decisions/025): filtered in SQL,
 * counted by one aggregate, and paged by keyset (article in the order of the frozen text,
 * then proposal number) on the index (round, article, number). Nothing here loads the
 * round's proposals or sorts them in memory.
 */

type Client = ReturnType<typeof db> | Tx;

/** Enum values go into the SQL as literals (PostgreSQL compares its enum types with those, not with text parameters). */
const DECISION_LITERALS = {
  ACCEPTED: Prisma.raw("'ACCEPTED'"),
  PARTIALLY_ACCEPTED: Prisma.raw("'PARTIALLY_ACCEPTED'"),
  REJECTED: Prisma.raw("'REJECTED'"),
  NOTED: Prisma.raw("'NOTED'"),
} as const;

/** The conditions on `p` (Proposal) for a round and a filter: submitted proposals only. */
export function filterConditions(roundId: string, filter: AnswerFilter): Prisma.Sql {
  const url = env().DATABASE_URL;
  const conditions = [Prisma.sql`p."roundId" = ${roundId}`, Prisma.sql`p."status" = 'SUBMITTED'`];
  if (filter.articleId) conditions.push(Prisma.sql`p."articleId" = ${filter.articleId}`);
  if (filter.status === "unanswered") conditions.push(Prisma.sql`p."decision" IS NULL`);
  else if (filter.status === "answered") conditions.push(Prisma.sql`p."decision" IS NOT NULL`);
  else if (filter.status !== "all") conditions.push(Prisma.sql`p."decision" = ${DECISION_LITERALS[filter.status]}`);
  if (filter.groupId) conditions.push(Prisma.sql`p."groupId" = ${filter.groupId}`);
  if (filter.organizationId) conditions.push(Prisma.sql`p."organizationId" = ${filter.organizationId}`);
  if (filter.author === "individual") conditions.push(Prisma.sql`p."organizationId" IS NULL`);
  if (filter.author === "organization") conditions.push(Prisma.sql`p."organizationId" IS NOT NULL`);
  const terms = queryTerms(filter.text);
  if (filter.text && terms.length === 0) conditions.push(Prisma.sql`1 = 0`);
  if (terms.length > 0) {
    // The search index holds every submitted proposal that is not hidden (its words folded
    // and stemmed as a search box's are): the match drives, the round narrows.
    const matching = searchBackendFor(url).matching(terms);
    conditions.push(Prisma.sql`p."id" IN (SELECT e."proposalId" FROM ${matching.from}
      WHERE ${matching.where} AND e."kind" = 'PROPOSAL' AND e."roundId" = ${roundId})`);
  }
  return Prisma.join(conditions, " AND ");
}

export type AnswerCounts = {
  /** Matching proposals per article id. */
  byArticle: Record<string, { total: number; answered: number }>;
  total: number;
  answered: number;
};

/** How many proposals match, per article and answered or not: one aggregate query. */
export async function answerCounts(
  roundId: string,
  filter: AnswerFilter,
  client: Client = db(),
): Promise<AnswerCounts> {
  const rows = await client.$queryRaw<{ articleId: string; total: number | bigint; answered: number | bigint }[]>(
    Prisma.sql`SELECT p."articleId" AS "articleId", COUNT(*) AS "total", COUNT(p."decision") AS "answered"
      FROM ${countedProposals(filter)} WHERE ${filterConditions(roundId, filter)} GROUP BY p."articleId"`,
  );
  const byArticle: AnswerCounts["byArticle"] = {};
  let total = 0;
  let answered = 0;
  for (const row of rows) {
    const entry = { total: Number(row.total), answered: Number(row.answered) };
    byArticle[row.articleId] = entry;
    total += entry.total;
    answered += entry.answered;
  }
  return { byArticle, total, answered };
}

/**
 * The proposals table as `p`, for the counts: filtered by organization or by kind of author,
 * through the index that leads with the organization (and holds every column counted), not the
 * one by status, which would read every proposal of the round.
 */
function countedProposals(filter: AnswerFilter): Prisma.Sql {
  const dialect = sqlDialect();
  if (!filter.organizationId && filter.author === "all") return Prisma.sql`${dialect.table("Proposal")} p`;
  return dialect.tableByIndex("Proposal", "p", "Proposal_roundId_organizationId_articleId_number_status_decision_idx");
}

type Key = { id: string; articleId: string; number: number };

/**
 * The next `take` matching proposals after `after` (or the first ones), walking the articles
 * that have matches in the order of the frozen text: one index range read per article touched.
 * Articles a proposal names that the text does not have (none, normally) come last.
 */
export async function keysAfter(
  roundId: string,
  articleOrder: string[],
  filter: AnswerFilter,
  counts: AnswerCounts,
  after: AnswerCursor | null,
  take: number,
  client: Client = db(),
): Promise<(Key & { cursor: AnswerCursor })[]> {
  const order = withStrays(articleOrder, counts);
  const found: (Key & { cursor: AnswerCursor })[] = [];
  for (let position = after?.article ?? 0; position < order.length && found.length < take; position++) {
    const articleId = order[position]!;
    if (!counts.byArticle[articleId]?.total) continue;
    const from = after && position === after.article ? after.number : 0;
    const rows = await readKeys(client, roundId, filter, articleId, { gt: from }, take - found.length);
    found.push(...rows.map((row) => ({ ...row, cursor: { article: position, number: row.number } })));
  }
  return found;
}

/** The `take` matching proposals just before `before`, in page order (for "previous"). */
export async function keysBefore(
  roundId: string,
  articleOrder: string[],
  filter: AnswerFilter,
  counts: AnswerCounts,
  before: AnswerCursor,
  take: number,
  client: Client = db(),
): Promise<(Key & { cursor: AnswerCursor })[]> {
  const order = withStrays(articleOrder, counts);
  const found: (Key & { cursor: AnswerCursor })[] = [];
  for (let position = Math.min(before.article, order.length - 1); position >= 0 && found.length < take; position--) {
    const articleId = order[position]!;
    if (!counts.byArticle[articleId]?.total) continue;
    // Below the cursor in its own article; the whole of each earlier one, from its end.
    const below = position === before.article ? before.number : 2_147_483_647;
    const rows = await readKeys(client, roundId, filter, articleId, { lt: below }, take - found.length);
    found.unshift(...rows.reverse().map((row) => ({ ...row, cursor: { article: position, number: row.number } })));
  }
  return found;
}

function withStrays(articleOrder: string[], counts: AnswerCounts): string[] {
  const known = new Set(articleOrder);
  return [
    ...articleOrder,
    ...Object.keys(counts.byArticle)
      .filter((id) => !known.has(id))
      .sort(),
  ];
}

async function readKeys(
  client: Client,
  roundId: string,
  filter: AnswerFilter,
  articleId: string,
  range: { gt?: number; lt?: number },
  take: number,
): Promise<Key[]> {
  const { table } = sqlDialect();
  const bound =
    range.lt !== undefined ? Prisma.sql`p."number" < ${range.lt}` : Prisma.sql`p."number" > ${range.gt ?? 0}`;
  const direction = Prisma.raw(range.lt !== undefined ? "DESC" : "ASC");
  const rows = await client.$queryRaw<{ id: string; number: number | bigint }[]>(
    Prisma.sql`SELECT p."id" AS "id", p."number" AS "number" FROM ${table("Proposal")} p
      WHERE ${filterConditions(roundId, filter)} AND p."articleId" = ${articleId} AND ${bound}
      ORDER BY p."number" ${direction} LIMIT ${take}`,
  );
  return rows.map((row) => ({ id: row.id, articleId, number: Number(row.number) }));
}

/** What the answering page shows of a proposal. */
const LISTED_FIELDS = {
  id: true,
  number: true,
  articleId: true,
  quote: true,
  proposedText: true,
  justification: true,
  status: true,
  decision: true,
  answer: true,
  createdAt: true,
  hiddenAt: true,
  hiddenReason: true,
  hiddenNote: true,
  groupId: true,
  organization: { select: ORGANIZATION_NAME_FIELDS },
  author: { select: { name: true, deletedAt: true } },
} as const;

export type AnswerPage = {
  items: Prisma.ProposalGetPayload<{ select: typeof LISTED_FIELDS }>[];
  counts: AnswerCounts;
  /** Where the next and previous pages start; null at either end. */
  next: AnswerCursor | null;
  previous: AnswerCursor | null;
};

/**
 * One page of the answering list: `after` a cursor, `before` one, or the first page. One
 * more key than shown is read to know whether a page follows.
 */
export async function answerPage(
  roundId: string,
  articleOrder: string[],
  filter: AnswerFilter,
  position: { after: AnswerCursor | null; before: AnswerCursor | null },
  take: number,
  counts?: AnswerCounts,
): Promise<AnswerPage> {
  const matching = counts ?? (await answerCounts(roundId, filter));
  let keys: (Key & { cursor: AnswerCursor })[];
  let next: AnswerCursor | null;
  let previous: AnswerCursor | null;
  if (position.before) {
    const read = await keysBefore(roundId, articleOrder, filter, matching, position.before, take + 1);
    keys = read.length > take ? read.slice(1) : read;
    previous = read.length > take ? keys[0]!.cursor : null;
    next = keys.length > 0 ? keys[keys.length - 1]!.cursor : null;
  } else {
    const read = await keysAfter(roundId, articleOrder, filter, matching, position.after, take + 1);
    keys = read.slice(0, take);
    next = read.length > take ? keys[keys.length - 1]!.cursor : null;
    previous = position.after && keys.length > 0 ? keys[0]!.cursor : null;
  }
  const rows = await db().proposal.findMany({ where: { id: { in: keys.map((k) => k.id) } }, select: LISTED_FIELDS });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { items: keys.flatMap((k) => byId.get(k.id) ?? []), counts: matching, next, previous };
}

/**
 * The organizations proposals of the round speak for (the organization filter's choices):
 * one index probe (round, organization) per organization, never a scan of the proposals.
 */
export function roundOrganizations(roundId: string) {
  return db().organization.findMany({
    where: { proposals: { some: { roundId, status: "SUBMITTED" } } },
    select: ORGANIZATION_NAMES,
    orderBy: { nameHy: "asc" },
    take: 500,
  });
}
