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

/**
 * A transaction waits up to 10 s for a pooled connection instead of Prisma's 2 s: a campaign's
 * burst of submissions queues for the pool (each holds its connection while it waits for the
 * round's counter) rather than failing with a 500.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

function postgresAdapter(databaseUrl: string) {
  const { connectionString, schema } = parsePostgresUrl(databaseUrl);
  return new PrismaPg({ connectionString }, { schema });
}

type ClientOptions = {
  /** Each SQL statement as it runs: for tests that count what a page asks of the database. */
  onStatement?: (sql: string) => void;
};

export function createDb(databaseUrl: string, { onStatement }: ClientOptions = {}): Db {
  const log = onStatement ? [{ emit: "event" as const, level: "query" as const }] : [];
  const client = isPostgresUrl(databaseUrl)
    ? (new PostgresClient({
        adapter: postgresAdapter(databaseUrl),
        transactionOptions: TRANSACTION_OPTIONS,
        log,
      }) as unknown as Db)
    : new SqliteClient({
        transactionOptions: TRANSACTION_OPTIONS,
        // Survives a failed COMMIT (full disk): see sqlite-adapter.server.ts.
        adapter: recoveringSqliteAdapter({ url: databaseUrl, timeout: 5000 }),
        log,
      });
  if (onStatement) {
    const events = client as unknown as { $on(event: "query", listener: (event: { query: string }) => void): void };
    events.$on("query", (event) => onStatement(event.query));
  }
  return client;
}

const globalForDb = globalThis as unknown as { agoraDb?: Db };

/** Lazily created so that tests and scripts can set DATABASE_URL first. */
export function db(): Db {
  globalForDb.agoraDb ??= createDb(env().DATABASE_URL);
  return globalForDb.agoraDb;
}

/** A transaction client: what `db().$transaction(async (tx) => …)` hands to its callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
