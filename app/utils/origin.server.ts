/**
 * Cross-site request forgery defence: a state-changing request must come from our own
 * origin. Browsers send `Origin` on every POST; a missing one means a non-browser client
 * or a stripped header, and is refused as well.
 */
import { env } from "./env.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isAllowedOrigin(method: string, headers: Headers, expectedOrigin: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (headers.get("Sec-Fetch-Site") === "cross-site") return false;
  const origin = headers.get("Origin");
  return origin !== null && origin === expectedOrigin;
}

/**
 * The origin of links in API answers (read right away by whoever asked, so the request's
 * own host is fine). Never for e-mail: see `emailOrigin`.
 */
export function publicOrigin(request: Request, appOrigin: string | undefined): string {
  return appOrigin ?? new URL(request.url).origin;
}

/**
 * The origin of every link sent by e-mail: only what the operator configured (APP_ORIGIN),
 * else this process's own address. Never the request's Host header: anyone can send
 * `Host: evil.example`, and the reset link mailed to a victim would then lead there.
 * Production refuses to start without APP_ORIGIN (env.server.ts).
 */
export function emailOrigin(): string {
  const { APP_ORIGIN, PORT } = env();
  return (APP_ORIGIN ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}

/**
 * Only same-site paths: `//evil.example` and absolute URLs fall back to the home page. So do
 * backslashes and control characters anywhere: browsers read `/\evil.example` as `//` and drop
 * tabs and newlines from URLs, so `/<tab>/evil.example` would also leave the site.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  for (const char of to) {
    const code = char.charCodeAt(0);
    if (char === "\\" || code < 0x20 || code === 0x7f) return fallback;
  }
  return to;
}

/** An absolute link for e-mails (notifications, reminders, mentions): on `emailOrigin`. */
export function appLink(path: string): string {
  return `${emailOrigin()}${path}`;
}
