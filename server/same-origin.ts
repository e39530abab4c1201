import type { RequestHandler } from "express";
import { resolveLocale } from "../app/i18n/locale.server";
import { serverT } from "../app/i18n/server-t.server";
import { isAllowedOrigin } from "../app/utils/origin.server";

/**
 * The one-click unsubscribe URL of subscription e-mails (RFC 8058): the mail provider POSTs
 * to it from its own servers, with no Origin. The secret in the path is the authority, and
 * all such a POST can do is stop e-mails to the address it was sent to.
 */
const ONE_CLICK_UNSUBSCRIBE = /^\/unsubscribe\/[a-z0-9]{1,64}$/;

/**
 * Refuses state-changing requests from other origins with 403 before Remix sees them.
 * The expected origin is APP_ORIGIN when set (behind a proxy), else this request's host.
 */
export function sameOrigin(appOrigin: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (req.method === "POST" && ONE_CLICK_UNSUBSCRIBE.test(req.path)) return next();
    const expected = appOrigin ?? `${req.protocol}://${req.get("host")}`;
    const headers = new Headers();
    for (const name of ["origin", "sec-fetch-site"]) {
      const value = req.get(name);
      if (value) headers.set(name, value);
    }
    if (isAllowedOrigin(req.method, headers, expected)) return next();
    // In the reader's language (cookie or Accept-Language; the session is not read here).
    const languageHeaders = new Headers();
    for (const name of ["cookie", "accept-language"]) {
      const value = req.get(name);
      if (value) languageHeaders.set(name, value);
    }
    const t = serverT(resolveLocale(new Request("http://agora.local/", { headers: languageHeaders })));
    res.status(403).type("text/plain; charset=utf-8").send(t("errors.crossOrigin"));
  };
}
