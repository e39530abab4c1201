import { actorFrom } from "~/models/accounts/actors.server";
import type { Actor } from "~/policies";
import type { Db, Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { readSessionRow } from "./session-row.server";
import { generateToken, hashToken } from "./tokens.server";

/**
 * Sessions after Lucia's design (lucia-auth.com/sessions): a random token in the cookie,
 * its SHA-256 as the row id, sliding expiry. See docs/decisions/001-sessions-lucia-design.md.
 */
export const SESSION_COOKIE = "agora_session";
const DAY = 24 * 60 * 60 * 1000;

export function sessionLifetimeMs(): number {
  return env().SESSION_DAYS * DAY;
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  locale: string | null;
  emailVerifiedAt: Date | null;
};

/** A live session, with the policy's view of its user (read in the same statement). */
export type ValidSession = { id: string; expiresAt: Date; user: SessionUser; actor: Actor };

export async function createSession(client: Db | Tx, userId: string, now = new Date()) {
  const token = generateToken();
  const session = await client.session.create({
    data: { id: hashToken(token), userId, expiresAt: new Date(now.getTime() + sessionLifetimeMs()), lastSeenAt: now },
  });
  return { token, expiresAt: session.expiresAt };
}

/**
 * Returns the session for a cookie token, or null. Expired sessions and sessions of
 * deactivated users are deleted on sight. A session used in the second half of its
 * lifetime is extended (sliding expiry), at most one write per half-lifetime.
 */
export async function validateSessionToken(client: Db, token: string, now = new Date()): Promise<ValidSession | null> {
  const id = hashToken(token);
  const row = await readSessionRow(client, id);
  if (!row) return null;
  if (row.expiresAt.getTime() <= now.getTime() || !row.user.isActive) {
    await client.session.deleteMany({ where: { id } });
    return null;
  }
  let expiresAt = row.expiresAt;
  if (expiresAt.getTime() - now.getTime() < sessionLifetimeMs() / 2) {
    expiresAt = new Date(now.getTime() + sessionLifetimeMs());
    await client.session.update({ where: { id }, data: { expiresAt, lastSeenAt: now } });
  }
  const { isActive: _active, ...user } = row.user;
  return { id, expiresAt, user, actor: actorFrom(user, row.memberships) };
}

export async function invalidateSession(client: Db | Tx, sessionId: string): Promise<void> {
  await client.session.deleteMany({ where: { id: sessionId } });
}

/** Password change, reset and deactivation end every session of the user. */
export async function invalidateUserSessions(client: Db | Tx, userId: string, exceptSessionId?: string) {
  await client.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } });
}

/**
 * The cookie lives as long as browsers allow (400 days); the session row's sliding expiry
 * decides whether it still means anything. A cookie that expired at "login + 30 days"
 * would sign out someone who used the platform every day, since the renewal happens on
 * the server and responses to data requests do not carry the cookie again.
 */
export const SESSION_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

export function sessionCookie(token: string): string {
  const secure = env().NODE_ENV === "production" ? "; Secure" : "";
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${SESSION_COOKIE_MAX_AGE_S}${secure}`;
}

export function blankSessionCookie(): string {
  const secure = env().NODE_ENV === "production" ? "; Secure" : "";
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0${secure}`;
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    // A value that is not valid percent-encoding is no cookie of ours: treated as absent
    // (decodeURIComponent throws on it, which made every page a 500).
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return null;
    }
  }
  return null;
}
