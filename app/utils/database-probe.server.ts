import { db } from "./db.server";
import { env, isPostgresUrl } from "./env.server";

/**
 * Whether the database takes a write right now, not only a read: a full disk leaves
 * `SELECT 1` answering while every write fails, and health must not say "ok" then.
 * The probe commits a write that changes nothing.
 */
export async function databaseAcceptsWrites(): Promise<boolean> {
  if (isPostgresUrl(env().DATABASE_URL)) {
    // Assigning a transaction id makes the commit write to the WAL.
    await db().$queryRawUnsafe("SELECT txid_current()");
    return true;
  }
  // Rewriting the header's user_version with its own value is a real committed write.
  const [row] = await db().$queryRawUnsafe<{ user_version: bigint | number }[]>("PRAGMA user_version");
  await db().$executeRawUnsafe(`PRAGMA user_version = ${Number(row?.user_version ?? 0)}`);
  return true;
}
