// Prisma CLI configuration. The JS engine ("client" engine + driver adapter) needs no
// engine binary, which matters here: the machines reach only the npm registry.
// The CLI only generates clients and diffs schemas; migrations are applied by
// scripts/migrate.ts (see docs/decisions/002-prisma-js-engine.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    // The CLI only diffs schema files here; an in-memory database satisfies the adapter.
    return new PrismaBetterSQLite3({ url: ":memory:" });
  },
});
