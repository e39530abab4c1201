import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "../../scripts/schema-derivation";

describe("derived PostgreSQL schema", () => {
  it("is up to date with prisma/schema.prisma", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("changes only the datasource and the client folder", () => {
    const derived = derivePostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('env("DATABASE_URL")');
    expect(derived).not.toContain('"sqlite"');
    const models = (text: string) => text.slice(text.indexOf("enum "));
    expect(models(derived)).toBe(models(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("refuses a source schema it does not understand", () => {
    expect(() => derivePostgresSchema("model A { id Int @id }")).toThrow();
  });
});
