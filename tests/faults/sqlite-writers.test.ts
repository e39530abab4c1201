import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";

/**
 * Two processes write one SQLite database: the web process and its collab process, or a test
 * and the platform it started. A transaction that reads and then writes must not be refused
 * because the other process wrote in between: it holds the write lock from its start, and the
 * other process waits for it (its busy timeout) instead.
 */
const sqlite = (process.env.TEST_DATABASE ?? "sqlite") === "sqlite";

/** Another process's write, given 200 ms to get the lock; says whether it got it. */
function writeFromAnotherProcess(key: string): string {
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)}, { timeout: 200 });
    try {
      db.prepare('INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt") VALUES (?, 1, ?)').run(${JSON.stringify(key)}, Date.now());
      console.log("written");
    } catch (error) {
      console.log(error.code);
    }`;
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}

describe.runIf(sqlite)("a transaction beside another process's writes", () => {
  it("reads, lets the other process try to write, then writes and commits; the other one waited", async () => {
    const other = await db().$transaction(async (tx) => {
      await tx.loginThrottle.count();
      const outcome = writeFromAnotherProcess("other-process");
      await tx.loginThrottle.create({ data: { key: "this-process", failures: 1, lastFailureAt: new Date() } });
      return outcome;
    });
    expect(other).toBe("SQLITE_BUSY");
    expect(await db().loginThrottle.count({ where: { key: "this-process" } })).toBe(1);
    // Once the transaction is over, the other process writes at once.
    expect(writeFromAnotherProcess("other-process")).toBe("written");
  });
});
