import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "~/utils/migrations.server";

/**
 * One folder per test run for its database templates, removed when the run ends, so a changed
 * migration or seed never meets an old template:
 * - an empty SQLite database with every migration applied, made here, which each test file's
 *   database starts as a copy of (tests/setup/database.ts), instead of migrating its own;
 * - the demo world (tests/helpers/platform-template.ts): the first test file that starts a
 *   platform makes it there, the others copy it.
 */
export default async function setup(project: TestProject) {
  const folder = mkdtempSync(path.join(tmpdir(), "agora-template-"));
  const migrated = path.join(folder, "migrated.db");
  await applyMigrations(`file:${migrated}`);
  project.provide("migratedSqliteTemplate", migrated);
  project.provide("platformTemplateFolder", folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
