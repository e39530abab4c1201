import { createHash } from "node:crypto";

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * The CSP sources (`'sha256-…'`) of every inline script in a page, so a page shared by all
 * visitors can run its own scripts without a nonce (CSP Level 2 hashes: the bytes between
 * the tags, as sent). External scripts (`src=`) are covered by `'self'`.
 */
export function inlineScriptSources(html: string): string {
  const sources = new Set<string>();
  for (const [, attributes = "", body = ""] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue;
    sources.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...sources].join(" ");
}
