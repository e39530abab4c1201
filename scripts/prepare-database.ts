import { mkdirSync } from "node:fs";
import path from "node:path";
import { isPostgresUrl } from "../app/utils/env.server";
import { applyMigrations } from "../app/utils/migrations.server";
import { seedDemoData } from "../prisma/seed/demo";
import { createDb } from "../app/utils/db.server";
import { rebuildSearchIndex, searchIndexIncomplete } from "../app/search/search-index.server";

/**
 * Brings a database to the current schema and, when it holds no organization yet,
 * loads the demo data (never in production); indexes for search what is not indexed yet.
 */
export async function prepareDatabase(databaseUrl: string, options: { seed: boolean }): Promise<void> {
  if (!isPostgresUrl(databaseUrl)) {
    mkdirSync(path.dirname(databaseUrl.replace(/^file:/, "")), { recursive: true });
  }
  const applied = await applyMigrations(databaseUrl);
  if (applied.length) console.log(`migrations applied: ${applied.join(", ")}`);
  const client = createDb(databaseUrl);
  try {
    let reindex = await searchIndexIncomplete(client);
    if (options.seed && (await client.organization.count()) === 0) {
      await seedDemoData(client);
      console.log("demo data loaded (see README for the demo accounts)");
      reindex = true; // the seed writes rounds and proposals straight to their tables
    }
    if (reindex) console.log(`search index rebuilt: ${await rebuildSearchIndex(client)} entries`);
  } finally {
    await client.$disconnect();
  }
}
