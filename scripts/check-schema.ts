/**
 * Fails (exit 1) when the derived PostgreSQL schema is stale, when the schema changed
 * without a migration, or when the two providers' migration histories differ.
 */
import { existsSync, readFileSync } from "node:fs";
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

const problems: string[] = [];
const expected = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
if (!existsSync(POSTGRES_SCHEMA) || readFileSync(POSTGRES_SCHEMA, "utf8") !== expected) {
  problems.push(`${POSTGRES_SCHEMA} is out of date: run npm run db:derive`);
}
const sqliteFolders = migrationFolders(SQLITE_MIGRATIONS);
const postgresFolders = migrationFolders(POSTGRES_MIGRATIONS);
if (sqliteFolders.join() !== postgresFolders.join()) {
  problems.push("prisma/migrations and prisma/postgres/migrations list different migrations");
}
const last = sqliteFolders.at(-1);
if (!last) {
  problems.push("no migration exists: run npm run db:new-migration -- init");
} else if (!isEmptyDiff(diffSchemas(path.join(SQLITE_MIGRATIONS, last, "schema.prisma"), SQLITE_SCHEMA))) {
  problems.push("prisma/schema.prisma changed since the last migration: run npm run db:new-migration -- <name>");
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`db:check: ${problem}`);
  process.exit(1);
}
console.log(`db:check: schemas and ${sqliteFolders.length} migration(s) are consistent`);
