import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "~/generated/prisma/sqlite/client";
import { PrismaClient as PostgresClient } from "~/generated/prisma/postgres/client";
import { env, isPostgresUrl, parsePostgresUrl } from "./env.server";
import { recoveringSqliteAdapter } from "./sqlite-adapter.server";

/**
 * The one database client. Both generated clients have the same models; the PostgreSQL
 * one is typed as the SQLite one so app code has a single type (see docs/decisions/002).
 */
export type Db = SqliteClient;

export function createDb(databaseUrl: string): Db {
  if (isPostgresUrl(databaseUrl)) {
    const { connectionString, schema } = parsePostgresUrl(databaseUrl);
    return new PostgresClient({ adapter: new PrismaPg({ connectionString }, { schema }) }) as unknown as Db;
  }
  return new SqliteClient({
    // Survives a failed COMMIT (full disk): see sqlite-adapter.server.ts.
    adapter: recoveringSqliteAdapter({ url: databaseUrl, timeout: 5000 }),
  });
}

const globalForDb = globalThis as unknown as { agoraDb?: Db };

/** Lazily created so that tests and scripts can set DATABASE_URL first. */
export function db(): Db {
  globalForDb.agoraDb ??= createDb(env().DATABASE_URL);
  return globalForDb.agoraDb;
}

/** A transaction client: what `db().$transaction(async (tx) => …)` hands to its callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
