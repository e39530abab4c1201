import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { afterAll, beforeAll } from "vitest";
import { form, sessionCookieFrom, startApp, type RunningApp } from "./app-server";

let network = 0;

/**
 * Signed-in requests as demo users against a running app. Each person signs in once (from
 * an address of their own, so login throttling never mixes test users) and keeps the cookie.
 */
export function demoSessions(app: () => RunningApp) {
  const cookies = new Map<string, string>();
  const subnet = ++network;

  async function as(email: string): Promise<string> {
    if (!cookies.has(email)) {
      const response = await fetch(`${app().url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: app().origin,
          "X-Forwarded-For": `10.${subnet}.${cookies.size}.1`,
        },
        body: form({ email, password: DEMO_PASSWORD }),
      });
      const cookie = sessionCookieFrom(response);
      if (!cookie) throw new Error(`demo sign-in failed for ${email}: ${response.status}`);
      cookies.set(email, cookie);
    }
    return cookies.get(email)!;
  }

  /** GET, signed in when an e-mail is given; redirects are returned, not followed. */
  async function get(path: string, email?: string, headers: Record<string, string> = {}) {
    const cookie: Record<string, string> = email ? { Cookie: await as(email) } : {};
    return fetch(app().url + path, { redirect: "manual", headers: { ...cookie, ...headers } });
  }

  /** A same-origin form POST as this person. */
  async function post(path: string, email: string, fields: Record<string, string> | URLSearchParams) {
    return fetch(app().url + path, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: await as(email), Origin: app().origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: fields instanceof URLSearchParams ? fields : form(fields),
    });
  }

  return { as, get, post };
}

/**
 * For a test file about the demo world: the platform started before its first test and
 * stopped after its last, and demo users' requests against it (pages in English, so the
 * assertions can read their words).
 */
export function demoPlatformForThisFile() {
  let running: RunningApp | undefined;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => {
    await running?.stop();
  });
  const app = () => {
    if (!running) throw new Error("the platform is not running yet");
    return running;
  };
  const sessions = demoSessions(app);
  const get = (path: string, email?: string) => sessions.get(path, email, { "Accept-Language": "en" });
  return { app, as: sessions.as, post: sessions.post, get };
}
