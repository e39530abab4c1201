import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { inject } from "vitest";
import { isPostgresUrl } from "~/utils/env.server";
import { prepareDatabase } from "../../scripts/prepare-database";

/**
 * The demo world a platform start would build (migrations, demo data, search index), made
 * once per test run and copied into each test file's database before its platform starts:
 * migrating and seeding again for each of the dozens of files that start a platform cost
 * seconds apiece on a shared 2-core machine (docs/decisions/027-test-platform-template.md).
 *
 * The template is made by `prepareDatabase`, the very step `npm start` runs, so a copy holds
 * what a fresh start would have written; the started platform still runs that step itself and
 * finds nothing left to do, as on any restart. Only SQLite: the platforms the tests start run
 * on the test file's SQLite database.
 */

/** How long a test file waits for another one that is making the template. */
const MAKING_WAIT_MS = 60_000;

/** The folder of this run's template (made by tests/setup/platform-template-folder.ts). */
function templateFolder(): string {
  return inject("platformTemplateFolder");
}

/**
 * The path of this run's template, made on first use. Several test files start at once: the
 * first to create the lock folder makes it, the others wait until it appears (a rename, so
 * nobody reads a half-written file).
 */
export async function demoWorldTemplate(): Promise<string> {
  const folder = templateFolder();
  const template = path.join(folder, "demo-world.db");
  if (existsSync(template)) return template;
  const lock = path.join(folder, "making");
  try {
    mkdirSync(lock);
  } catch {
    return waitFor(template);
  }
  try {
    const building = path.join(lock, "demo-world.db");
    await prepareDatabase(`file:${building}`, { seed: true });
    // One self-contained file (no write-ahead log beside it), then published at once.
    const compact = path.join(folder, "demo-world.db.part");
    const source = new Database(building, { readonly: true });
    try {
      source.exec(`VACUUM INTO '${compact.replaceAll("'", "''")}'`);
    } finally {
      source.close();
    }
    renameSync(compact, template);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return template;
}

async function waitFor(template: string): Promise<string> {
  const giveUpAt = Date.now() + MAKING_WAIT_MS;
  while (!existsSync(template)) {
    if (Date.now() > giveUpAt) throw new Error(`the demo world template ${template} was not made in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return template;
}

function sqliteFile(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
}

/**
 * Whether a database is one a platform start would fill with the demo world: absent, or
 * migrated and holding no row at all. A test that wrote something before starting its
 * platform keeps its database; the platform then seeds it itself, as `npm start` would.
 */
export function holdsNothingYet(databaseUrl: string): boolean {
  if (isPostgresUrl(databaseUrl)) return false;
  const file = sqliteFile(databaseUrl);
  if (!existsSync(file)) return true;
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all() as {
      name: string;
      sql: string;
    }[];
    // A full-text index is a virtual table with shadow tables of its own that hold
    // bookkeeping rows even when empty: the rows that count are in the tables it indexes.
    const virtual = tables.filter((t) => /^CREATE VIRTUAL/i.test(t.sql)).map((t) => t.name);
    const counted = tables.filter(
      (t) =>
        t.name !== "_prisma_migrations" &&
        !t.name.startsWith("sqlite_") &&
        !virtual.some((name) => t.name === name || t.name.startsWith(`${name}_`)),
    );
    return counted.every((t) => sqlite.prepare(`SELECT 1 FROM "${t.name}" LIMIT 1`).get() === undefined);
  } finally {
    sqlite.close();
  }
}

/**
 * Copies the demo world into a database that holds nothing yet. SQLite's backup copies page
 * by page under the database's own locks, so a connection this test file already holds on
 * the file (its `db()`) reads the copied world on its next query.
 */
export async function copyDemoWorldInto(databaseUrl: string): Promise<void> {
  const template = await demoWorldTemplate();
  const source = new Database(template, { readonly: true });
  try {
    await source.backup(sqliteFile(databaseUrl));
  } finally {
    source.close();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    platformTemplateFolder: string;
    migratedSqliteTemplate: string;
  }
}
