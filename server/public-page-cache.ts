import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import type { AppLoadContext } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { readCookie, SESSION_COOKIE } from "../app/auth/session.server";
import { LOCALE_COOKIE } from "../app/i18n/config";
import { resolveLocale } from "../app/i18n/locale.server";
import { inlineScriptSources } from "./inline-script-hashes";
import { PageStore, type StoredPage } from "./page-store";
import { contentSecurityPolicy, socketHost } from "./security-headers";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Brotli at its strongest: a fifth smaller than gzip on these pages (a phone on a slow network
 * waits for fewer bytes, and a crowd costs the network less), at some milliseconds per 100 KB
 * off the event loop (zlib's thread pool), paid once per render rather than per request.
 */
const compressBrotli = (body: Buffer) =>
  brotliAsync(body, {
    params: {
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
      [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });

/** The public pages every signed-out visitor sees alike: a round, its summary, the register. */
const PUBLIC_PAGES = [/^\/rounds\/[^/]+$/, /^\/rounds\/[^/]+\/summary$/, /^\/register$/, /^\/register\/[^/]+$/];

export function isPublicPage(pathname: string): boolean {
  // `.data` is a client navigation's loader data (single fetch), not the page.
  return !pathname.endsWith(".data") && PUBLIC_PAGES.some((pattern) => pattern.test(pathname));
}

export type RenderPage = (request: Request, context: AppLoadContext) => Promise<Response>;

export type PublicPageCacheOptions = {
  render: RenderPage;
  /** How long a reverse proxy, and this process, may serve a page without asking again. */
  maxAgeSeconds: number;
  /** A render that takes longer answers 503: no page request waits without bound. */
  renderTimeoutMs: number;
};

/** A page the visitor gets as rendered for everyone, with what it needs to be cached. */
type SharedPage = StoredPage & {
  status: number;
  headers: [string, string][];
  /** Strong validator of the identity body; the compressed bodies' are the same with `-gzip` or `-br`. */
  etag: string;
  scriptSources: string;
};

/**
 * Public pages for signed-out visitors, rendered once for all of them and served with a
 * strong ETag, a Cache-Control a reverse proxy or CDN may cache by, and 304 for a matching
 * If-None-Match. Nothing private can be in such a page because the render never sees the
 * visitor: it is made from a request of our own that carries only the URL and the language
 * (no cookies, no address, no nonce); its inline scripts are allowed by hash. Signed-in
 * visitors (a session cookie, valid or not) get their own page as before, marked private.
 * A successful write through this process (any POST that did not fail) drops every page.
 */
export function publicPageCache(options: PublicPageCacheOptions): {
  middleware: RequestHandler;
  store: PageStore<SharedPage>;
} {
  const freshMs = options.maxAgeSeconds * 1000;
  const store = new PageStore<SharedPage>({ freshMs, staleMs: 30_000, maxEntries: 500, maxBytes: 128 * 1024 * 1024 });

  const middleware: RequestHandler = (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.once("close", () => {
        if (res.statusCode < 400) store.clear();
      });
      return next();
    }
    const url = new URL(req.originalUrl, "http://agora.local");
    if (!isPublicPage(url.pathname)) return next();
    res.vary("Cookie");
    res.vary("Accept-Language");
    const visitor = new Request(url, {
      headers: { cookie: req.headers.cookie ?? "", "accept-language": req.headers["accept-language"] ?? "" },
    });
    if (req.method !== "GET" || readCookie(visitor, SESSION_COOKIE) !== null) {
      res.setHeader("Cache-Control", "private, no-store");
      return next();
    }
    const locale = resolveLocale(visitor);
    const origin = `${req.protocol}://${req.get("host") ?? "localhost"}`;
    const key = `${origin} ${locale} ${url.pathname}${url.search}`;
    const page = store.get(key, () => renderForEveryone(options, new URL(url.pathname + url.search, origin), locale));
    page
      .then((shared) => send(req, res, shared, options.maxAgeSeconds))
      .catch((error: unknown) => {
        if (!(error instanceof PageTimeout)) return next(error);
        res.status(503).setHeader("Retry-After", "5");
        res.setHeader("Cache-Control", "no-store");
        res.end();
      });
  };
  return { middleware, store };
}

async function renderForEveryone(options: PublicPageCacheOptions, url: URL, locale: string): Promise<SharedPage> {
  const request = new Request(url, {
    headers: { host: url.host, cookie: `${LOCALE_COOKIE}=${locale}`, "accept-language": locale },
    signal: AbortSignal.timeout(options.renderTimeoutMs),
  });
  const context: AppLoadContext = {
    clientAddress: "shared-page",
    cspNonce: "",
    localPort: 0,
    afterResponse: (work) => setImmediate(work),
  };
  const response = await withTimeout(options.render(request, context), options.renderTimeoutMs);
  const body = Buffer.from(await response.arrayBuffer());
  const html = body.toString("utf8");
  const etag = createHash("sha256").update(body).digest("base64url");
  const [gzip, br] = await Promise.all([gzipAsync(body), compressBrotli(body)]);
  return {
    status: response.status,
    headers: [...response.headers].filter(([name]) => !OWN_HEADERS.has(name)),
    body,
    gzip,
    br,
    etag: `"${etag}"`,
    renderedAt: Date.now(),
    scriptSources: inlineScriptSources(html),
    // A redirect, an error or a cookie is answered as rendered, but kept for no one else.
    cacheable: response.status === 200 && !response.headers.has("set-cookie"),
  };
}

/** Headers this module sets itself (length and encoding depend on the body sent). */
const OWN_HEADERS = new Set(["content-length", "content-encoding", "cache-control", "etag", "set-cookie"]);

function send(req: ExpressRequest, res: ExpressResponse, page: SharedPage, maxAgeSeconds: number): void {
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(page.scriptSources, socketHost(req)));
  if (!page.cacheable) {
    res.setHeader("Cache-Control", "no-store");
    res.status(page.status).end(page.body);
    return;
  }
  // Browsers ask again each time (and get a 304); a proxy keeps the page for what is left of its freshness.
  const left = Math.max(1, maxAgeSeconds - Math.floor((Date.now() - page.renderedAt) / 1000));
  res.setHeader("Cache-Control", `public, max-age=0, s-maxage=${left}, stale-while-revalidate=30`);
  res.vary("Accept-Encoding");
  const encoding = chosenEncoding(req.headers["accept-encoding"]);
  res.setHeader("ETag", encoding ? encodingTag(page.etag, encoding) : page.etag);
  if (matchesIfNoneMatch(req.headers["if-none-match"], page.etag)) {
    res.status(304).end();
    return;
  }
  const body = encoding ? page[encoding] : page.body;
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", String(body.length));
  res.status(page.status).end(body);
}

type Encoding = "br" | "gzip";
const ENCODINGS: Encoding[] = ["br", "gzip"];

/**
 * The smallest stored body the client accepts: Brotli, then gzip, else none. An encoding it
 * names with `q=0` is one it refuses (RFC 9110 §12.5.3); a proxy that asks for gzip only
 * (many do) gets gzip.
 */
export function chosenEncoding(header: string | string[] | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...parameters] = part.trim().toLowerCase().split(";");
    const refused = parameters.some((parameter) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(parameter));
    if (name && !refused) accepted.add(name.trim());
  }
  return ENCODINGS.find((encoding) => accepted.has(encoding)) ?? null;
}

/** A compressed body is another representation, so another strong tag (RFC 9110 §8.8.1). */
function encodingTag(etag: string, encoding: Encoding): string {
  return `${etag.slice(0, -1)}-${encoding}"`;
}

/** If-None-Match holds `*`, the tag, or the tag of another encoding of the same page. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const tags = new Set([etag, ...ENCODINGS.map((encoding) => encodingTag(etag, encoding))]);
  return header.split(",").some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, "");
    return tag === "*" || tags.has(tag);
  });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PageTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

class PageTimeout extends Error {
  constructor() {
    super("public page render took too long");
  }
}
