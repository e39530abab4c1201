/**
 * Gives each test file a fresh, migrated database of its own before any app module opens
 * one: a temporary SQLite file, or a PostgreSQL schema in the `test` database.
 * (vitest.config.ts leaves the postgres project out where PostgreSQL is absent, except in CI.)
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { applyMigrations } from "~/utils/migrations.server";
import { db } from "~/utils/db.server";
import { whenBackgroundWorkDone } from "~/utils/background-work.server";
import { dropSchema, POSTGRES_URL } from "../helpers/postgres";

const provider = process.env.TEST_DATABASE ?? "sqlite";
let cleanup: () => Promise<void>;

if (provider === "postgres") {
  const schema = `agora_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  process.env.DATABASE_URL = `${POSTGRES_URL}?schema=${schema}`;
  cleanup = () => dropSchema(schema);
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "agora-test-"));
  const file = path.join(dir, "test.db");
  // Migrated once per run (tests/setup/platform-template-folder.ts); migrating finds it done.
  copyFileSync(inject("migratedSqliteTemplate"), file);
  process.env.DATABASE_URL = `file:${file}`;
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

await applyMigrations(process.env.DATABASE_URL);

afterAll(async () => {
  // Submissions group their proposals right after the commit: let that finish on this database.
  // So do publications (the summary DOCX) and bulk answers. Only the kinds this file loaded
  // can have started: the others are not loaded for it (a second or so per file).
  await whenBackgroundWorkDone();
  await db().$disconnect();
  await cleanup();
});
