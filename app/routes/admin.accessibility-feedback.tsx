import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { LocalDate } from "~/components/local-date";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/i18n/page-title";
import { useT } from "~/i18n/use-t";
import { listAccessibilityFeedback } from "~/models/accessibility/feedback.server";
import { pageCount, readPage } from "~/utils/pagination";
import { allow } from "~/boundary/request-boundary.server";
import { PLATFORM } from "~/policies";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("accessibility.admin.title"));

/** Messages from the accessibility statement's form, newest first, for the platform admins. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "admin.readAccessibilityFeedback", PLATFORM, { hide: true });
  const page = readPage(new URL(request.url));
  const [messages, total] = await listAccessibilityFeedback(page);
  return { messages, page: page.page, pages: pageCount(total) };
}

export default function AccessibilityFeedbackPage() {
  const t = useT();
  const { messages, page, pages } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("accessibility.admin.title")}</h1>
      {messages.length === 0 ? <p>{t("accessibility.admin.empty")}</p> : null}
      <ul className="plain-list stack">
        {messages.map((message) => (
          <li key={message.id} className="card" data-testid="feedback-message">
            <p className="muted">
              <LocalDate value={message.createdAt} withTime /> ·{" "}
              {message.name || message.email ? (
                <>
                  {message.name} {message.email ? <a href={`mailto:${message.email}`}>{message.email}</a> : null}
                </>
              ) : (
                t("accessibility.admin.anonymous")
              )}
            </p>
            <p className="feedback-text">{message.message}</p>
            {message.pageUrl ? (
              <p className="muted">{t("accessibility.admin.page", { url: message.pageUrl })}</p>
            ) : null}
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </section>
  );
}
