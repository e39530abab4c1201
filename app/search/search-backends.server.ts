import { Prisma } from "~/generated/prisma/sqlite/client";
import { isPostgresUrl, parsePostgresUrl } from "~/utils/env.server";

/**
 * What differs between the databases: where the tables are, and how "every term starts a
 * word of the entry" is asked of the full-text index. Everything else in a search query
 * (visibility, filters, order, counts) is plain SQL both understand.
 */
export type SearchBackend = {
  name: "sqlite" | "postgres";
  /** A table name, qualified with the PostgreSQL schema where there is one. */
  table: (name: string) => Prisma.Sql;
  /** A condition on the entry aliased `e`: every folded term prefixes one of its words. */
  matches: (terms: string[]) => Prisma.Sql;
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** FTS5: `"term"*` is a prefix query; terms hold only letters, digits and marks. */
function sqliteBackend(): SearchBackend {
  return {
    name: "sqlite",
    table: (name) => Prisma.raw(quote(name)),
    matches: (terms) => {
      const query = terms.map((term) => `"${term}"*`).join(" ");
      return Prisma.sql`e."id" IN (SELECT rowid FROM "SearchEntry_fts" WHERE "SearchEntry_fts" MATCH ${query})`;
    },
  };
}

/** PostgreSQL: the generated `searchVector` column (GIN-indexed) and a `term:*` tsquery. */
function postgresBackend(schema: string | undefined): SearchBackend {
  return {
    name: "postgres",
    table: (name) => Prisma.raw(schema ? `${quote(schema)}.${quote(name)}` : quote(name)),
    matches: (terms) => {
      const query = terms.map((term) => `${term}:*`).join(" & ");
      return Prisma.sql`e."searchVector" @@ to_tsquery('simple'::regconfig, ${query})`;
    },
  };
}

export function searchBackendFor(databaseUrl: string): SearchBackend {
  return isPostgresUrl(databaseUrl) ? postgresBackend(parsePostgresUrl(databaseUrl).schema) : sqliteBackend();
}
