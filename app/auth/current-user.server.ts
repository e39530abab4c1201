import { redirect } from "@remix-run/node";
import { loadActor } from "~/models/accounts/actors.server";
import type { Actor } from "~/policies";
import { db } from "~/utils/db.server";
import { readCookie, SESSION_COOKIE, validateSessionToken, type SessionUser } from "./session.server";

export type CurrentUser = SessionUser & { sessionId: string; actor: Actor };

/**
 * The signed-in user of this request, or null. Memoised per Request object because the
 * root loader and the route loaders run for the same request in parallel.
 */
const cache = new WeakMap<Request, Promise<CurrentUser | null>>();

export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = loadCurrentUser(request);
    cache.set(request, pending);
  }
  return pending;
}

async function loadCurrentUser(request: Request): Promise<CurrentUser | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  const session = await validateSessionToken(db(), token);
  if (!session) return null;
  return { ...session.user, sessionId: session.id, actor: await loadActor(session.user) };
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
