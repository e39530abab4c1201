import type { Db, Tx } from "~/utils/db.server";
import { countInWindow } from "~/utils/window-counter.server";

/**
 * Password-guess throttling shared by every web process (it lives in the database).
 * After FREE_FAILURES failures for a key each further attempt must wait
 * 2^(n - FREE_FAILURES) seconds, capped at MAX_DELAY_S. Counters forget after
 * FORGET_AFTER_MS of quiet.
 *
 * The keys slow the guesser, not the owner: a sign-in counts against the pair (address,
 * account) and against the address, never against the account alone, so someone failing
 * on purpose from elsewhere cannot lock the owner out. A success clears the pair; a reset
 * by e-mail clears every pair of the account (the way out for an owner who forgot).
 */
export const FREE_FAILURES = 3;
export const MAX_DELAY_S = 15 * 60;
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export function throttleDelaySeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_DELAY_S);
}

/** Seconds the caller must still wait before trying again (0: go ahead). */
export async function secondsUntilAllowed(client: Db | Tx, keys: string[], now = new Date()): Promise<number> {
  const rows = await client.loginThrottle.findMany({ where: { key: { in: keys } } });
  let wait = 0;
  for (const row of rows) {
    if (now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS) continue;
    const until = row.lastFailureAt.getTime() + throttleDelaySeconds(row.failures) * 1000;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}

export async function recordFailure(client: Db | Tx, keys: string[], now = new Date()): Promise<void> {
  const staleAt = new Date(now.getTime() - FORGET_AFTER_MS);
  for (const key of keys) await countInWindow(client, key, { cost: 1, staleAt, now, window: "sliding" });
}

export async function clearFailures(client: Db | Tx, key: string): Promise<void> {
  await client.loginThrottle.deleteMany({ where: { key } });
}

/** After a reset by e-mail: the account's sign-in pairs from every address, and its profile checks. */
export async function clearAccountThrottle(client: Db | Tx, email: string, userId: string): Promise<void> {
  await client.loginThrottle.deleteMany({
    where: { OR: [{ key: { startsWith: `${emailKey(email)}|` } }, { key: currentPasswordKey(userId) }] },
  });
}

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;
/** One account tried from one address: what a sign-in failure slows down. */
export const accountAddressKey = (email: string, address: string) => `${emailKey(email)}|${addressKey(address)}`;
/**
 * Wrong current passwords on the profile page. Only the signed-in holder of the session can
 * make them, so this key is the account's own (with the address key beside it).
 */
export const currentPasswordKey = (userId: string) => `current-password:${userId}`;
