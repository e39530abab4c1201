import { Prisma } from "~/generated/prisma/sqlite/client";
import { isPostgresUrl } from "~/utils/env.server";
import { sqlDialect } from "~/utils/sql-dialect.server";

/**
 * What differs between the databases: where the tables are, and how "every term starts a
 * word of the entry" is asked of the full-text index. Everything else in a search query
 * (visibility, filters, order, counts) is plain SQL both understand.
 */
export type SearchBackend = {
  name: "sqlite" | "postgres";
  /** A table name, qualified with the PostgreSQL schema where there is one. */
  table: (name: string) => Prisma.Sql;
  /**
   * The entries (aliased `e`) in which every folded term starts a word: a FROM item, a
   * condition for the WHERE clause, and the relevance to sort by (smaller first: BM25 in
   * FTS5, PostgreSQL's `ts_rank` negated).
   */
  matching: (terms: string[]) => { from: Prisma.Sql; where: Prisma.Sql; rank: Prisma.Sql };
};

/** FTS5: `"term"*` is a prefix query; terms hold only letters, digits and marks. */
function sqliteBackend(databaseUrl: string): SearchBackend {
  return {
    name: "sqlite",
    table: sqlDialect(databaseUrl).table,
    matching: (terms) => {
      const query = terms.map((term) => `"${term}"*`).join(" ");
      // CROSS JOIN fixes the order: from the FTS matches to their entries. Otherwise SQLite
      // may walk every entry of a kind (the kind index) and test each against the matches.
      return {
        from: Prisma.sql`(SELECT rowid AS "matchId", bm25("SearchEntry_fts") AS "rank" FROM "SearchEntry_fts"
            WHERE "SearchEntry_fts" MATCH ${query}) m
          CROSS JOIN "SearchEntry" e ON e."id" = m."matchId"`,
        where: Prisma.sql`1 = 1`,
        rank: Prisma.sql`m."rank"`,
      };
    },
  };
}

/** PostgreSQL: the generated `searchVector` column (GIN-indexed) and a `term:*` tsquery. */
function postgresBackend(databaseUrl: string): SearchBackend {
  const { table } = sqlDialect(databaseUrl);
  return {
    name: "postgres",
    table,
    matching: (terms) => {
      const query = terms.map((term) => `${term}:*`).join(" & ");
      return {
        from: Prisma.sql`${table("SearchEntry")} e`,
        where: Prisma.sql`e."searchVector" @@ to_tsquery('simple'::regconfig, ${query})`,
        rank: Prisma.sql`-ts_rank(e."searchVector", to_tsquery('simple'::regconfig, ${query}))`,
      };
    },
  };
}

export function searchBackendFor(databaseUrl: string): SearchBackend {
  return isPostgresUrl(databaseUrl) ? postgresBackend(databaseUrl) : sqliteBackend(databaseUrl);
}
