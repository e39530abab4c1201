import { Prisma } from "~/generated/prisma/sqlite/client";
import type { Db, Tx } from "./db.server";
import { sqlDialect } from "./sql-dialect.server";

export type WindowCount = { failures: number; lastFailureAt: Date };

/**
 * Adds `cost` to a counter of the `LoginThrottle` table and returns the count after adding, in
 * one statement (an upsert with `RETURNING`), so that requests racing on one key each see
 * exactly the count their own units brought it to, and no transaction or row lock is held
 * between statements (three statements on one row made PostgreSQL pick deadlock victims
 * under a burst). A counter last touched at or before `staleAt` starts again from `cost`.
 *
 * - `fixed`: the window begins when the counter (re)starts and `lastFailureAt` keeps that
 *   moment (the rate limits: N actions per window).
 * - `sliding`: `lastFailureAt` is always the latest count (the sign-in throttle: its delay is
 *   measured from the last failure).
 */
export async function countInWindow(
  client: Db | Tx,
  key: string,
  options: { cost: number; staleAt: Date; now: Date; window: "fixed" | "sliding" },
): Promise<WindowCount> {
  const { cost, staleAt, now, window } = options;
  const table = sqlDialect().table("LoginThrottle");
  // Qualified by the table's name: PostgreSQL finds a bare column name ambiguous here.
  const stale = Prisma.sql`"LoginThrottle"."lastFailureAt" <= ${staleAt}`;
  const lastFailureAt =
    window === "sliding"
      ? Prisma.sql`${now}`
      : Prisma.sql`CASE WHEN ${stale} THEN ${now} ELSE "LoginThrottle"."lastFailureAt" END`;
  const rows = await client.$queryRaw<{ failures: number | bigint; lastFailureAt: Date | string }[]>(
    Prisma.sql`INSERT INTO ${table} ("key", "failures", "lastFailureAt") VALUES (${key}, ${cost}, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN ${stale} THEN ${cost} ELSE "LoginThrottle"."failures" + ${cost} END,
        "lastFailureAt" = ${lastFailureAt}
      RETURNING "failures", "lastFailureAt"`,
  );
  const row = rows[0]!;
  return { failures: Number(row.failures), lastFailureAt: new Date(row.lastFailureAt) };
}
