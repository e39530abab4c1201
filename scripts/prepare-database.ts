import { mkdirSync } from "node:fs";
import path from "node:path";
import { isPostgresUrl } from "../app/utils/env.server";
import { applyMigrations } from "../app/utils/migrations.server";
import { seedDemoData } from "../prisma/seed/demo";
import { createDb } from "../app/utils/db.server";

/**
 * Brings a database to the current schema and, when it holds no organization yet,
 * loads the demo data (never in production).
 */
export async function prepareDatabase(databaseUrl: string, options: { seed: boolean }): Promise<void> {
  if (!isPostgresUrl(databaseUrl)) {
    mkdirSync(path.dirname(databaseUrl.replace(/^file:/, "")), { recursive: true });
  }
  const applied = await applyMigrations(databaseUrl);
  if (applied.length) console.log(`migrations applied: ${applied.join(", ")}`);
  if (!options.seed) return;
  const client = createDb(databaseUrl);
  try {
    if ((await client.organization.count()) === 0) {
      await seedDemoData(client);
      console.log("demo data loaded (see README for the demo accounts)");
    }
  } finally {
    await client.$disconnect();
  }
}
