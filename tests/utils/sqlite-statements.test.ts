import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { reuseStatements } from "~/utils/sqlite-statements.server";

/** A database whose real prepare calls are counted, then given the reusing prepare. */
function countedDatabase() {
  const client = new Database(":memory:");
  client.exec(`CREATE TABLE "Person" (id TEXT PRIMARY KEY, name TEXT)`);
  const prepare = client.prepare.bind(client);
  const prepared: string[] = [];
  client.prepare = ((sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  }) as typeof client.prepare;
  reuseStatements(client);
  return { client, prepared };
}

/** As Prisma's adapter reads: `prepare(sql).bind(values)`, then `reader`, `columns()`, `raw().all()` or `run()`. */
function asTheAdapter(client: Database.Database, sql: string, values: unknown[]) {
  const statement = client.prepare(sql).bind(values);
  if (!statement.reader) return statement.run().changes;
  return { columns: statement.columns().map((c) => c.name), rows: statement.raw().all() };
}

describe("SQLite statements prepared once", () => {
  it("the same SQL with other values is prepared once and answers each call with its own values", () => {
    const { client, prepared } = countedDatabase();
    const insert = `INSERT INTO "Person" (id, name) VALUES (?, ?)`;
    expect(asTheAdapter(client, insert, ["a", "Anahit"])).toBe(1);
    expect(asTheAdapter(client, insert, ["n", "Nino"])).toBe(1);
    const select = `SELECT id, name FROM "Person" WHERE id = ?`;
    expect(asTheAdapter(client, select, ["a"])).toEqual({ columns: ["id", "name"], rows: [["a", "Anahit"]] });
    expect(asTheAdapter(client, select, ["n"])).toEqual({ columns: ["id", "name"], rows: [["n", "Nino"]] });
    expect(asTheAdapter(client, select, ["x"])).toEqual({ columns: ["id", "name"], rows: [] });
    expect(prepared).toEqual([insert, select]);
  });

  it("a statement run without values (BEGIN, COMMIT) works as before", () => {
    const { client } = countedDatabase();
    client.prepare("BEGIN").run();
    expect(client.inTransaction).toBe(true);
    client.prepare("COMMIT").run();
    expect(client.inTransaction).toBe(false);
  });

  it("keeps at most 500 statements: the one prepared first is dropped and prepared again when asked", () => {
    const { client, prepared } = countedDatabase();
    const select = (n: number) => `SELECT ${n} AS n`;
    for (let n = 0; n <= 500; n++) asTheAdapter(client, select(n), []);
    asTheAdapter(client, select(500), []);
    asTheAdapter(client, select(0), []);
    expect(prepared.filter((sql) => sql === select(500))).toHaveLength(1);
    expect(prepared.filter((sql) => sql === select(0))).toHaveLength(2);
  });
});
