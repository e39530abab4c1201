import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "~/utils/migrations.server";
import { db } from "~/utils/db.server";

describe("migration runner", () => {
  it("recorded every migration with Prisma's checksum and applies nothing twice", async () => {
    const schema = new URL(process.env.DATABASE_URL!.replace(/^file:/, "file://")).searchParams.get("schema");
    const table = schema ? `"${schema}"."_prisma_migrations"` : `"_prisma_migrations"`;
    const rows = await db().$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      `SELECT migration_name, checksum FROM ${table} ORDER BY migration_name`,
    );
    const folders = readdirSync("prisma/migrations")
      .filter((f) => /^\d{14}_/.test(f))
      .sort();
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });
});
