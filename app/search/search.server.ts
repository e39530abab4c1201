import { draftTitle } from "~/i18n/localized-name";
import { Prisma } from "~/generated/prisma/sqlite/client";
import type { Locale } from "~/i18n/config";
import type { MaybeActor } from "~/policies";
import type { SearchKind } from "~/schemas/search";
import { db, type Db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { DRAFT_TITLES } from "~/i18n/localized-name";
import { excerpt, highlight, type Segment } from "./highlight";
import { searchBackendFor, type SearchBackend } from "./search-backends.server";
import { queryTerms } from "./search-words";

/**
 * The one search: drafts (titles and live text), consultation rounds, comments and
 * proposals, restricted IN THE QUERY to what app/policies lets the actor see, so counts and
 * pages are exact. The SQL conditions below restate these rules; tests/models/search.test.ts
 * checks every result against `can()`:
 * - draft: `draft.view` (owner's staff, or a grant to one of their organizations or them);
 * - round: `round.view` (owner's staff; once opened, public or invited organizations);
 * - comment: `thread.view` (the draft, and internal threads only for the owner's staff);
 * - proposal: the owner's staff, its author, or anyone who sees the published summary.
 */

export type SearchFilters = {
  kind?: SearchKind;
  draftKind?: string;
  draftStatus?: string;
  organizationId?: string;
  /** Best match first (the default), or newest first. */
  order?: SearchOrder;
};

export const SEARCH_ORDERS = ["relevance", "newest"] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

export type SearchHit = {
  kind: SearchKind;
  id: string;
  href: string;
  title: Segment[];
  snippet: Segment[];
  /** The draft it belongs to (for rounds, comments and proposals). */
  draftTitle: string;
  draftKind: string;
  draftStatus: string;
  date: Date;
};

export type SearchResult = {
  terms: string[];
  counts: Record<SearchKind, number>;
  hits: SearchHit[];
};

type Options = { client?: Db; backend?: SearchBackend };

const ZERO = { DRAFT: 0, ROUND: 0, COMMENT: 0, PROPOSAL: 0 } as const;

/** `column IN (ids)`, false for no ids (SQL has no empty list). */
function inList(column: Prisma.Sql, ids: string[]): Prisma.Sql {
  return ids.length ? Prisma.sql`${column} IN (${Prisma.join(ids)})` : Prisma.sql`1 = 0`;
}

/** Who may see an entry, as a condition on the aliases e, d, r, t, p. */
function visibility(actor: MaybeActor, table: SearchBackend["table"]): Prisma.Sql {
  if (actor?.isPlatformAdmin) return Prisma.sql`1 = 1`;
  const orgs = actor?.memberships.map((m) => m.organizationId) ?? [];
  const userId = actor?.id ?? "";
  const ownerStaff = inList(Prisma.sql`d."ownerOrganizationId"`, orgs);
  const draftVisible = actor
    ? Prisma.sql`(${ownerStaff} OR EXISTS (SELECT 1 FROM ${table("DraftAccess")} a WHERE a."draftId" = d."id"
        AND (${inList(Prisma.sql`a."organizationId"`, orgs)} OR a."userId" = ${userId})))`
    : Prisma.sql`1 = 0`;
  const roundVisible = Prisma.sql`(${ownerStaff} OR (r."status" <> 'SCHEDULED' AND (r."audience" = 'PUBLIC'
    OR EXISTS (SELECT 1 FROM ${table("RoundInvitation")} i WHERE i."roundId" = r."id"
      AND ${inList(Prisma.sql`i."organizationId"`, orgs)}))))`;
  return Prisma.sql`(
    (e."kind" = 'DRAFT' AND ${draftVisible})
    OR (e."kind" = 'ROUND' AND ${roundVisible})
    OR (e."kind" = 'COMMENT' AND ${draftVisible} AND (t."visibility" = 'WORKING_GROUP' OR ${ownerStaff}))
    OR (e."kind" = 'PROPOSAL' AND (${ownerStaff} OR p."authorId" = ${userId}
      OR (${roundVisible} AND r."status" = 'ANSWERED')))
  )`;
}

function fromWhere(
  backend: SearchBackend,
  actor: MaybeActor,
  terms: string[],
  filters: SearchFilters,
  matching = backend.matching(terms),
): Prisma.Sql {
  const { table } = backend;
  const conditions = [matching.where, visibility(actor, table)];
  if (filters.draftKind) conditions.push(Prisma.sql`CAST(d."kind" AS TEXT) = ${filters.draftKind}`);
  if (filters.draftStatus) conditions.push(Prisma.sql`CAST(d."status" AS TEXT) = ${filters.draftStatus}`);
  if (filters.organizationId) conditions.push(Prisma.sql`d."ownerOrganizationId" = ${filters.organizationId}`);
  return Prisma.sql`FROM ${matching.from}
    JOIN ${table("Draft")} d ON d."id" = e."draftId"
    LEFT JOIN ${table("ConsultationRound")} r ON r."id" = e."roundId"
    LEFT JOIN ${table("CommentThread")} t ON t."id" = e."threadId"
    LEFT JOIN ${table("Proposal")} p ON p."id" = e."proposalId"
    WHERE ${Prisma.join(conditions, " AND ")}`;
}

type Row = {
  kind: SearchKind;
  draftId: string;
  roundId: string | null;
  commentId: string | null;
  proposalId: string | null;
  threadId: string | null;
};

type Prepared = { client: Db; backend: SearchBackend; terms: string[] };

function prepare(query: string, options: Options): Prepared {
  return {
    client: options.client ?? db(),
    backend: options.backend ?? searchBackendFor(env().DATABASE_URL),
    terms: queryTerms(query),
  };
}

/** How many results of each kind the actor may see. */
export async function searchCounts(
  actor: MaybeActor,
  query: string,
  filters: SearchFilters,
  options: Options = {},
): Promise<Record<SearchKind, number>> {
  const { client, backend, terms } = prepare(query, options);
  const counts: Record<SearchKind, number> = { ...ZERO };
  if (terms.length === 0) return counts;
  const rows = await client.$queryRaw<{ kind: SearchKind; n: number | bigint }[]>(
    Prisma.sql`SELECT CAST(e."kind" AS TEXT) AS "kind", COUNT(*) AS "n"
      ${fromWhere(backend, actor, terms, filters)} GROUP BY e."kind"`,
  );
  for (const row of rows) counts[row.kind] = Number(row.n);
  return counts;
}

/** One page of results (of `filters.kind`, or of every kind), best match or newest first. */
export async function searchHits(
  actor: MaybeActor,
  query: string,
  filters: SearchFilters,
  page: { skip: number; take: number },
  locale: Locale,
  options: Options = {},
): Promise<SearchHit[]> {
  const { client, backend, terms } = prepare(query, options);
  if (terms.length === 0 || page.take <= 0) return [];
  const onlyKind = filters.kind ? Prisma.sql` AND CAST(e."kind" AS TEXT) = ${filters.kind}` : Prisma.empty;
  const matching = backend.matching(terms);
  // The id last: a total order, so pages never repeat or skip a hit between equal ranks.
  const order =
    filters.order === "newest"
      ? Prisma.sql`e."updatedAt" DESC, e."id" DESC`
      : Prisma.sql`${matching.rank} ASC, e."updatedAt" DESC, e."id" DESC`;
  const rows = await client.$queryRaw<Row[]>(
    Prisma.sql`SELECT CAST(e."kind" AS TEXT) AS "kind", e."draftId", e."roundId", e."commentId", e."proposalId", e."threadId"
      ${fromWhere(backend, actor, terms, filters, matching)}${onlyKind}
      ORDER BY ${order} LIMIT ${page.take} OFFSET ${page.skip}`,
  );
  return hydrate(client, rows, terms, locale);
}

/** Counts per kind and one page of hits. */
export async function search(
  actor: MaybeActor,
  query: string,
  filters: SearchFilters,
  page: { skip: number; take: number },
  locale: Locale,
  options: Options = {},
): Promise<SearchResult> {
  const [counts, hits] = await Promise.all([
    searchCounts(actor, query, filters, options),
    searchHits(actor, query, filters, page, locale, options),
  ]);
  return { terms: queryTerms(query), counts, hits };
}

const DRAFT_SELECT = {
  id: true,
  ...DRAFT_TITLES,
  kind: true,
  status: true,
  updatedAt: true,
} as const;

/** Loads what the page shows for each hit and marks the matched words, keeping the order. */
async function hydrate(client: Db, rows: Row[], terms: string[], locale: Locale): Promise<SearchHit[]> {
  const ids = (kind: SearchKind, field: keyof Row) =>
    rows.filter((r) => r.kind === kind).map((r) => r[field] as string);
  /** No query at all for a kind that has no hit on this page. */
  const none = <T>(list: string[], load: () => Promise<T[]>) => (list.length ? load() : Promise.resolve([] as T[]));
  const [drafts, rounds, comments, proposals] = await Promise.all([
    none(ids("DRAFT", "draftId"), () =>
      client.draft.findMany({
        where: { id: { in: ids("DRAFT", "draftId") } },
        select: { ...DRAFT_SELECT, snapshots: { where: { textId: null }, select: { plainText: true } } },
      }),
    ),
    none(ids("ROUND", "roundId"), () =>
      client.consultationRound.findMany({
        where: { id: { in: ids("ROUND", "roundId") } },
        select: { id: true, title: true, description: true, opensAt: true, draft: { select: DRAFT_SELECT } },
      }),
    ),
    none(ids("COMMENT", "commentId"), () =>
      client.comment.findMany({
        where: { id: { in: ids("COMMENT", "commentId") } },
        select: { id: true, body: true, createdAt: true, thread: { select: { draft: { select: DRAFT_SELECT } } } },
      }),
    ),
    none(ids("PROPOSAL", "proposalId"), () =>
      client.proposal.findMany({
        where: { id: { in: ids("PROPOSAL", "proposalId") } },
        select: {
          id: true,
          proposedText: true,
          justification: true,
          createdAt: true,
          round: { select: { id: true, title: true, draft: { select: DRAFT_SELECT } } },
        },
      }),
    ),
  ]);
  const mark = (text: string) => highlight(text, terms);
  const ofDraft = (draft: (typeof drafts)[number] | (typeof rounds)[number]["draft"]) => ({
    draftTitle: draftTitle(draft, locale),
    draftKind: draft.kind,
    draftStatus: draft.status,
  });
  const hits: SearchHit[] = [];
  for (const row of rows) {
    if (row.kind === "DRAFT") {
      const draft = drafts.find((d) => d.id === row.draftId);
      if (!draft) continue;
      const titles = [draft.titleHy, draft.titleRu, draft.titleKa, draft.titleEn].filter(Boolean).join(" · ");
      hits.push({
        kind: "DRAFT",
        id: draft.id,
        href: `/drafts/${draft.id}`,
        title: mark(draftTitle(draft, locale)),
        snippet: mark(excerpt(`${titles} · ${draft.snapshots[0]?.plainText ?? ""}`, terms)),
        ...ofDraft(draft),
        date: draft.updatedAt,
      });
    } else if (row.kind === "ROUND") {
      const round = rounds.find((r) => r.id === row.roundId);
      if (!round) continue;
      hits.push({
        kind: "ROUND",
        id: round.id,
        href: `/rounds/${round.id}`,
        title: mark(round.title),
        snippet: mark(excerpt(round.description, terms)),
        ...ofDraft(round.draft),
        date: round.opensAt,
      });
    } else if (row.kind === "COMMENT") {
      const comment = comments.find((c) => c.id === row.commentId);
      if (!comment) continue;
      const draft = comment.thread.draft;
      hits.push({
        kind: "COMMENT",
        id: comment.id,
        // The draft page opens this thread in the comments panel.
        href: `/drafts/${draft.id}?thread=${encodeURIComponent(row.threadId ?? "")}`,
        title: mark(draftTitle(draft, locale)),
        snippet: mark(excerpt(comment.body, terms)),
        ...ofDraft(draft),
        date: comment.createdAt,
      });
    } else {
      const proposal = proposals.find((p) => p.id === row.proposalId);
      if (!proposal) continue;
      hits.push({
        kind: "PROPOSAL",
        id: proposal.id,
        href: `/rounds/${proposal.round.id}#proposal-${proposal.id}`,
        title: mark(proposal.round.title),
        snippet: mark(excerpt(`${proposal.proposedText} · ${proposal.justification}`, terms)),
        ...ofDraft(proposal.round.draft),
        date: proposal.createdAt,
      });
    }
  }
  return hits;
}
