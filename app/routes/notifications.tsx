import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { draftTitle } from "~/i18n/localized-name";
import { LocalDate } from "~/components/local-date";
import { Pagination } from "~/components/pagination";
import { useT } from "~/i18n/use-t";
import { listNotifications, markAllRead } from "~/models/notifications/notifications.server";
import { INVITATION_NOTIFICATION } from "~/utils/invitation-notice";
import { pageCount, readPage } from "~/utils/pagination";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("notifications.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = readPage(new URL(request.url));
  const { items, total } = await listNotifications(user.id, page);
  return { notifications: items, page: page.page, pages: pageCount(total) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await markAllRead(user.id);
  return { ok: true };
}

export default function NotificationsPage() {
  const t = useT();
  const { notifications, page, pages } = useLoaderData<typeof loader>();
  return (
    <section className="narrow-wide">
      <div className="page-title">
        <h1>{t("notifications.title")}</h1>
        <Link to="/notifications/settings">{t("notifications.settings.link")}</Link>
        {notifications.some((n) => !n.readAt) ? (
          <Form method="post">
            <button type="submit">{t("notifications.markRead")}</button>
          </Form>
        ) : null}
      </div>
      {notifications.length === 0 ? <p className="card muted">{t("notifications.none")}</p> : null}
      <ul className="plain-list">
        {notifications.map((n) => (
          <li key={n.id} className={`card notification${n.readAt ? "" : " is-unread"}`} data-testid="notification">
            <div>
              {n.kind === INVITATION_NOTIFICATION ? (
                <Link to="/invitations">{t("invitation.notification", { actor: n.actor?.name ?? "" })}</Link>
              ) : (
                t(`notifications.kinds.${n.kind}`, { actor: n.actor?.name ?? "" })
              )}{" "}
              {n.meeting ? (
                <Link to={`/collegium/${n.meeting.bodyId}/meetings/${n.meeting.id}`}>{n.meeting.title}</Link>
              ) : n.reviewId && n.draft ? (
                <Link to={`/reviews/${n.reviewId}`}>{draftTitle(n.draft, t.locale)}</Link>
              ) : n.round ? (
                // A closed round's notice leads straight to the proposals waiting for an answer.
                <Link to={n.kind === "round.closed" ? `/rounds/${n.round.id}/answers` : `/rounds/${n.round.id}`}>
                  {n.round.title}
                </Link>
              ) : n.draft ? (
                <Link to={`/drafts/${n.draft.id}`}>{draftTitle(n.draft, t.locale)}</Link>
              ) : null}
            </div>
            <div className="muted">
              <LocalDate value={n.createdAt} withTime />
            </div>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </section>
  );
}
