import { Prisma } from "~/generated/prisma/sqlite/client";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { searchBackendFor } from "./search-backends.server";
import { queryTerms } from "./search-words";

/**
 * Which of these register entries match a query, by the draft's search entry (titles, the
 * owner's names, the final text), with their relevance (smaller is better, as the search
 * backends rank). Null when the query has no words: no search, every entry.
 */
export async function registerMatches(draftIds: string[], query: string): Promise<Map<string, number> | null> {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  if (draftIds.length === 0) return new Map();
  const backend = searchBackendFor(env().DATABASE_URL);
  const matching = backend.matching(terms);
  const rows = await db().$queryRaw<{ draftId: string; rank: number }[]>(
    Prisma.sql`SELECT e."draftId", ${matching.rank} AS "rank" FROM ${matching.from}
      WHERE ${matching.where} AND CAST(e."kind" AS TEXT) = 'DRAFT' AND e."draftId" IN (${Prisma.join(draftIds)})`,
  );
  return new Map(rows.map((row) => [row.draftId, Number(row.rank)]));
}
