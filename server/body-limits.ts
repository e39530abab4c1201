import type { IncomingMessage } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import { resolveLocale } from "../app/i18n/locale.server";
import { serverT } from "../app/i18n/server-t.server";
import { MAX_IMPORT_BYTES } from "../app/models/drafts/draft-import.server";

const KB = 1024;
const MB = 1024 * KB;
/**
 * After refusing a declared body, how long its bytes are still taken in and thrown away
 * before the connection is closed (a web server's "lingering close"): closing at once, with
 * the client still sending, resets the connection, and the client loses the 413 it was sent.
 */
const LINGER_MS = 2_000;

/**
 * Largest request body per route family, first match wins. Form limits leave room for the
 * longest text a form's schema accepts, URL-encoded (a Georgian letter is 9 bytes as %XX%XX%XX):
 * a comment (5,000 letters) is under 50 KB, a proposal (two texts of 10,000) under 200 KB.
 * The draft import allows its documented file size plus the multipart envelope, so a file just
 * over it still gets the form's own message next to the field.
 */
export const BODY_LIMITS: { family: string; path: RegExp; bytes: number }[] = [
  { family: "draft import upload", path: /^\/drafts\/new\/?$/, bytes: MAX_IMPORT_BYTES + MB },
  // Attachments are as large as an import may be (the same checks, the same 5 MB).
  { family: "Word file with tracked changes", path: /^\/drafts\/[^/]+\/word-import\/?$/, bytes: MAX_IMPORT_BYTES + MB },
  { family: "dossier attachment upload", path: /^\/drafts\/[^/]+\/attachments\/?$/, bytes: MAX_IMPORT_BYTES + MB },
  {
    family: "sign-in and account forms",
    path: /^\/(login|logout|register|forgot-password|reset-password(\/[^/]*)?|invite(\/[^/]*)?|locale)\/?$/,
    bytes: 16 * KB,
  },
  { family: "comments", path: /^\/drafts\/[^/]+\/comments(\/|$)/, bytes: 128 * KB },
  { family: "every other form and the API", path: /^/, bytes: 512 * KB },
];

export function bodyLimitFor(path: string): number {
  return BODY_LIMITS.find((entry) => entry.path.test(path))!.bytes;
}

/**
 * Refuses a request body over its family's limit with 413, before it is read: a declared
 * Content-Length over the limit is refused at once, and a chunked body is counted as it
 * arrives and cut (413, connection closed) when it grows past the limit. Without this a
 * 256 MB POST to /login cost about 800 MB of memory while Remix parsed the form.
 */
export function bodyLimits(): RequestHandler {
  return (req, res, next) => {
    const limit = bodyLimitFor(req.path);
    const declared = req.headers["content-length"];
    if (declared !== undefined) {
      // Node's parser reads exactly the declared length, so a declared body needs no counting.
      if (Number(declared) <= limit) return next();
      refuse(req, res, limit, { close: false });
      // Node discards the unread body after the response; this bounds how long it may.
      res.once("finish", () => lingerThenClose(req));
      return;
    }
    if (!req.headers["transfer-encoding"]) return next();
    let received = 0;
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) return;
      req.off("data", count);
      refuse(req, res, limit, { close: true });
      // The reader (Remix parsing the form) must see an error, never a body that merely ended early.
      res.once("finish", () => req.destroy(new Error("request body over its limit")));
    };
    req.on("data", count);
    // Counting must not start the flow: the body waits until its real reader asks for it.
    req.pause();
    next();
  };
}

function refuse(req: Request, res: Response, limit: number, { close }: { close: boolean }): void {
  if (res.headersSent) return void req.destroy();
  const t = serverT(resolveLocale(languageRequest(req)));
  const size =
    limit >= MB ? t("limits.megabytes", { count: limit / MB }) : t("limits.kilobytes", { count: limit / KB });
  const message = t("limits.bodyTooLarge", { size });
  // Closing the connection is what stops the client sending the rest.
  res.status(413);
  if (close) res.set("Connection", "close");
  if (req.accepts(["text/plain", "text/html"]) === "text/html") {
    const title = t("limits.bodyTooLargeTitle");
    res
      .type("html")
      .send(
        `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${message}</p></body></html>`,
      );
  } else {
    res.type("text/plain; charset=utf-8").send(message);
  }
}

function lingerThenClose(req: IncomingMessage): void {
  const socket = req.socket;
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  socket.once("close", () => clearTimeout(timer));
  // The whole body arrived (and was discarded) sooner: close now, the request is over.
  if (req.complete) socket.end();
  else req.once("end", () => socket.end());
}

/** Only the language headers (cookie, Accept-Language) of the request, for the locale. */
function languageRequest(req: IncomingMessage): globalThis.Request {
  const headers = new Headers();
  for (const name of ["cookie", "accept-language"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return new globalThis.Request("http://agora.local/", { headers });
}
