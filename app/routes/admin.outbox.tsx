import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { LocalDate } from "~/components/local-date";
import { Pagination } from "~/components/pagination";
import { useT } from "~/i18n/use-t";
import { listOutbox } from "~/models/accounts/users.server";
import { env } from "~/utils/env.server";
import { pageCount, readPage } from "~/utils/pagination";
import { allow, notFound } from "~/boundary/request-boundary.server";
import { PLATFORM } from "~/policies";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("outbox.title"));

/** Outgoing e-mail as stored, for admins; only outside production (links in it are live). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "admin.viewOutbox", PLATFORM, { hide: true });
  if (env().NODE_ENV === "production") throw notFound();
  const page = readPage(new URL(request.url));
  const [emails, total] = await listOutbox(page);
  return { emails, page: page.page, pages: pageCount(total) };
}

export default function OutboxPage() {
  const t = useT();
  const { emails, page, pages } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("outbox.title")}</h1>
      <p className="muted">{t("outbox.intro")}</p>
      {emails.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      {emails.map((email) => (
        <article key={email.id} className="card outbox-email" data-testid="outbox-email">
          <header>
            <strong>{email.subject}</strong>
            <div className="muted">
              {t("outbox.to", { to: email.to })} · <LocalDate value={email.createdAt} withTime /> ·{" "}
              {email.sentAt ? t("outbox.sent") : t("outbox.notSent")}
            </div>
            {email.error && !email.sentAt ? (
              <div className="field-error">
                {t("outbox.failed", { attempts: t.number(email.attempts) })}: {email.error}
              </div>
            ) : null}
          </header>
          <pre className="email-body">{email.body}</pre>
        </article>
      ))}
      <Pagination page={page} pages={pages} />
    </section>
  );
}
