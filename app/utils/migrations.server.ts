import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl, parsePostgresUrl } from "./env.server";

/**
 * Applies prisma/migrations (SQLite) or prisma/postgres/migrations (PostgreSQL) in order,
 * each inside a transaction, and records them in Prisma's `_prisma_migrations` table with
 * Prisma's checksum, so the history stays readable by Prisma's own tools.
 * We run them ourselves because `prisma migrate deploy` fails on PostgreSQL with the JS
 * engine (prisma/orm#27403) and would otherwise need an engine binary.
 */
export async function applyMigrations(databaseUrl: string, root = process.cwd()): Promise<string[]> {
  const folder = path.join(root, isPostgresUrl(databaseUrl) ? "prisma/postgres/migrations" : "prisma/migrations");
  const migrations = readdirSync(folder)
    .filter((name) => /^\d{14}_/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(folder, name, "migration.sql"), "utf8") }));
  return isPostgresUrl(databaseUrl) ? applyPostgres(databaseUrl, migrations) : applySqlite(databaseUrl, migrations);
}

type Migration = { name: string; sql: string };

const checksum = (sql: string) => createHash("sha256").update(sql).digest("hex");

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

function sqliteFile(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
}

function applySqlite(databaseUrl: string, migrations: Migration[]): string[] {
  const file = sqliteFile(databaseUrl);
  const dir = path.dirname(file);
  if (!existsSync(dir)) throw new Error(`database folder ${dir} does not exist`);
  const sqlite = new Database(file);
  try {
    // WAL lets readers and the single writer work at once; it is a property of the file.
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(CREATE_TABLE.replace(/TIMESTAMPTZ/g, "DATETIME").replace("now()", "current_timestamp"));
    const applied = new Set(
      sqlite
        .prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`)
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      sqlite
        .transaction(() => {
          sqlite.exec(migration.sql);
          sqlite
            .prepare(
              `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
             VALUES (?, ?, current_timestamp, ?, 1, current_timestamp)`,
            )
            .run(randomUUID(), checksum(migration.sql), migration.name);
        })
        .immediate();
      done.push(migration.name);
    }
    return done;
  } finally {
    sqlite.close();
  }
}

/** Arbitrary constant: every process that migrates takes the same advisory lock. */
const MIGRATION_LOCK = 72_245_001;

async function applyPostgres(databaseUrl: string, migrations: Migration[]): Promise<string[]> {
  const { connectionString, schema } = parsePostgresUrl(databaseUrl);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    if (schema) {
      const quoted = `"${schema.replace(/"/g, '""')}"`;
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
      await client.query(`SET search_path TO ${quoted}`);
    }
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
           VALUES ($1, $2, now(), $3, 1, now())`,
          [randomUUID(), checksum(migration.sql), migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
