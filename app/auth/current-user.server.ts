import { redirect } from "@remix-run/node";
import type { Actor } from "~/policies";
import { db } from "~/utils/db.server";
import { readCookie, SESSION_COOKIE, validateSessionToken, type SessionUser } from "./session.server";

export type CurrentUser = SessionUser & { sessionId: string; actor: Actor };

/**
 * The signed-in user of this request, or null, looked up once per page.
 *
 * Remix hands each loader of a page its own copy of the request (the same headers, a new
 * object), so a cache keyed by the Request object alone missed: every signed-in page read
 * the session and the memberships once per loader (twice for a draft page, more under nested
 * layouts). Lookups are therefore also shared by session token within one turn of the event
 * loop: the loaders of a page all start in the same turn, before any database answer, and a
 * second request carrying the same token in that same turn gets the same answer it would have
 * got anyway. The entry is gone at the next turn, so a sign-out or a revoked session takes
 * effect for the next request exactly as before.
 */
const byRequest = new WeakMap<Request, Promise<CurrentUser | null>>();
const byTokenThisTurn = new Map<string, Promise<CurrentUser | null>>();

export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let pending = byRequest.get(request);
  if (pending) return pending;
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) pending = Promise.resolve(null);
  else {
    pending = byTokenThisTurn.get(token);
    if (!pending) {
      pending = loadCurrentUser(token);
      byTokenThisTurn.set(token, pending);
      setImmediate(() => byTokenThisTurn.delete(token));
    }
  }
  byRequest.set(request, pending);
  return pending;
}

async function loadCurrentUser(token: string): Promise<CurrentUser | null> {
  const session = await validateSessionToken(db(), token);
  return session && { ...session.user, sessionId: session.id, actor: session.actor };
}

/** Signed-out visitors go to the login page and come back afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}
