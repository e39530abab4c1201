import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import { env } from "../app/utils/env.server";

/**
 * Conservative headers for every response. Scripts run only from our own origin or with
 * this response's nonce (Remix inlines its hydration data and module loader, see
 * app/utils/csp-nonce.tsx); the only WebSocket allowed is the collab server on our host.
 * Inline styles stay allowed: the editor colours carets and presence dots with `style`.
 */
export const securityHeaders: RequestHandler = (req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const { APP_ORIGIN, NODE_ENV } = env();
  const host = APP_ORIGIN ? new URL(APP_ORIGIN).host : req.get("host");
  const sockets = host ? `ws://${host} wss://${host}` : "";
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader(
    "Content-Security-Policy",
    `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; ` +
      `img-src 'self' data:; font-src 'self' data:; connect-src 'self' ${sockets}; object-src 'none'; ` +
      "frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  // Browsers remember HTTPS-only for a year; not in development, where http://localhost is normal.
  if (NODE_ENV !== "development") res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
};
