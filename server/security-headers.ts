import { randomBytes } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { env } from "../app/utils/env.server";

/**
 * Conservative headers for every response. Scripts run only from our own origin or with
 * this response's nonce (Remix inlines its hydration data and module loader, see
 * app/utils/csp-nonce.tsx); the only WebSocket allowed is the collab server on our host.
 * Inline styles stay allowed: the editor colours carets and presence dots with `style`.
 * A page shared by every visitor (server/public-page-cache.ts) names its inline scripts by
 * their hashes instead: a nonce that many people receive is no secret.
 */
export const securityHeaders: RequestHandler = (req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(`'nonce-${nonce}'`, socketHost(req)));
  // Browsers remember HTTPS-only for a year; not in development, where http://localhost is normal.
  if (env().NODE_ENV !== "development") {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  next();
};

/** The host the collab WebSocket is on: the public origin's, else the request's. */
export function socketHost(req: Pick<Request, "get">): string | undefined {
  const { APP_ORIGIN } = env();
  return APP_ORIGIN ? new URL(APP_ORIGIN).host : req.get("host");
}

/** The policy, with the sources (a nonce, or script hashes) that let inline scripts run. */
export function contentSecurityPolicy(inlineScripts: string, host: string | undefined): string {
  const sockets = host ? `ws://${host} wss://${host}` : "";
  return (
    `default-src 'self'; script-src 'self' ${inlineScripts}; style-src 'self' 'unsafe-inline'; ` +
    `img-src 'self' data:; font-src 'self' data:; connect-src 'self' ${sockets}; object-src 'none'; ` +
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
  );
}
