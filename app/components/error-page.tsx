import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** Friendly 403/404/500 page; never shows a stack trace. */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 403 ? "forbidden" : status === 404 ? "notFound" : status === 401 ? "unauthorized" : "server";
  // A request the server could not read (not a form, broken, too large) is the sender's problem.
  const badInput = status === 400 || status === 413 || status === 415;
  if (status >= 500) console.error(error);
  // 422: the draft's text itself cannot be processed (unreadable-document.server.ts).
  const [title, text] =
    status === 422
      ? ["unreadableDocument.title", "unreadableDocument.text"]
      : [`errorPage.${kind}.title`, `errorPage.${kind}.text`];
  return (
    <section className="error-page" data-status={status}>
      <h1>{badInput ? t("badInput.title") : t(title)}</h1>
      <p>{badInput ? t(status === 413 ? "badInput.tooLarge" : "badInput.text") : t(text)}</p>
      <p>
        <Link to="/">{t("errorPage.home")}</Link>
      </p>
    </section>
  );
}
