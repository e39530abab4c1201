/**
 * Creates a migration for both providers from the change between the schema snapshot kept
 * in the last migration folder and the current prisma/schema.prisma. (`prisma migrate dev`
 * needs a schema engine binary we cannot download here; `migrate diff` does not.)
 * Usage: npm run db:new-migration -- add_drafts
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { diffSchemas, isEmptyDiff } from "./prisma-cli";
import {
  derivePostgresSchema,
  migrationFolders,
  POSTGRES_MIGRATIONS,
  POSTGRES_SCHEMA,
  SQLITE_MIGRATIONS,
  SQLITE_SCHEMA,
} from "./schema-derivation";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(1);
}

writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
const last = lastMigrationSnapshot();
const tmp = mkdtempSync(path.join(tmpdir(), "agora-migration-"));
let lastPg: string | null = null;
if (last) {
  lastPg = path.join(tmp, "schema.prisma");
  writeFileSync(lastPg, derivePostgresSchema(readFileSync(last, "utf8")));
}
const sqliteSql = diffSchemas(last, SQLITE_SCHEMA);
if (isEmptyDiff(sqliteSql)) {
  console.log("schema unchanged since the last migration: nothing to do");
  process.exit(0);
}
const postgresSql = diffSchemas(lastPg, POSTGRES_SCHEMA);
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
for (const [root, sql] of [
  [SQLITE_MIGRATIONS, sqliteSql],
  [POSTGRES_MIGRATIONS, postgresSql],
] as const) {
  mkdirSync(path.join(root, folder), { recursive: true });
  writeFileSync(path.join(root, folder, "migration.sql"), sql);
}
copyFileSync(SQLITE_SCHEMA, path.join(SQLITE_MIGRATIONS, folder, "schema.prisma"));
console.log(`created ${folder} for sqlite and postgresql`);

function lastMigrationSnapshot(): string | null {
  const lastFolder = migrationFolders(SQLITE_MIGRATIONS).at(-1);
  return lastFolder ? path.join(SQLITE_MIGRATIONS, lastFolder, "schema.prisma") : null;
}
