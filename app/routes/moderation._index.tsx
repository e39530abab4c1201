import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { LocalDate } from "~/components/local-date";
import { Pagination } from "~/components/pagination";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { useT } from "~/i18n/use-t";
import { moderationLog, openFlags } from "~/models/moderation/moderation-log.server";
import { forbidden } from "~/boundary/request-boundary.server";
import { moderatedObjectPath, moderatorOrganizations } from "~/models/moderation/moderator-scope.server";
import { pageCount, readPage } from "~/utils/pagination";

const PER_PAGE = 50;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Agora" }];

/** The moderation log and open reports of the ministries the reader moderates for. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organizations = moderatorOrganizations(user);
  if (organizations.length === 0) throw forbidden();
  const page = readPage(new URL(request.url), PER_PAGE);
  const [log, flags] = await Promise.all([moderationLog(organizations, page), openFlags(organizations)]);
  return {
    pageTitle: `${serverT(resolveLocale(request, user.locale))("moderation.log.title")} · Agora`,
    lines: log.items.map((line) => ({
      id: line.id,
      createdAt: line.createdAt,
      action: line.action,
      objectType: line.objectType,
      reason: line.reason,
      note: line.note,
      by: line.actor?.name ?? "",
      href: moderatedObjectPath(line),
    })),
    flags: flags.map((f) => ({
      id: f.id,
      createdAt: f.createdAt,
      objectType: f.objectType,
      reason: f.reason,
      note: f.note,
      href: f.href,
    })),
    page: page.page,
    pages: pageCount(log.total, PER_PAGE),
  };
}

export default function ModerationLogPage() {
  const t = useT();
  const { lines, flags, page, pages } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("moderation.log.title")}</h1>
      <p className="muted">{t("moderation.log.lead")}</p>
      <p className="actions">
        <a className="button" href="/moderation.csv" download>
          {t("moderation.log.download")}
        </a>
        <Link to="/participation-rules">{t("rules.title")}</Link>
      </p>
      <h2>{t("moderation.log.flags")}</h2>
      {flags.length === 0 ? <p className="muted">{t("moderation.log.noFlags")}</p> : null}
      <ul className="plain-list stack">
        {flags.map((f) => (
          <li key={f.id} className="card" data-testid="open-flag">
            <LocalDate value={f.createdAt} withTime /> · {t(`moderation.log.objects.${f.objectType}`)} ·{" "}
            {t(`moderation.reasons.${f.reason}`)}
            {f.note ? <span className="plain-text"> — {f.note}</span> : null} ·{" "}
            <Link to={f.href}>{t("moderation.log.open")}</Link>
          </li>
        ))}
      </ul>
      {lines.length === 0 ? <p className="muted">{t("moderation.log.empty")}</p> : null}
      {lines.length > 0 ? (
        <div className="table-scroll" tabIndex={0} aria-label={t("moderation.log.title")}>
          <table className="summary-table" data-testid="moderation-log">
            <thead>
              <tr>
                <th scope="col">{t("moderation.log.when")}</th>
                <th scope="col">{t("moderation.log.action")}</th>
                <th scope="col">{t("moderation.log.object")}</th>
                <th scope="col">{t("moderation.log.reason")}</th>
                <th scope="col">{t("moderation.log.note")}</th>
                <th scope="col">{t("moderation.log.by")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>
                    <LocalDate value={line.createdAt} withTime />
                  </td>
                  <td>{t(`moderation.log.actions.${line.action}`)}</td>
                  <td>
                    <Link to={line.href}>{t(`moderation.log.objects.${line.objectType}`)}</Link>
                  </td>
                  <td>{line.reason ? t(`moderation.reasons.${line.reason}`) : ""}</td>
                  <td className="plain-text">{line.note}</td>
                  <td>{line.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination page={page} pages={pages} />
    </section>
  );
}
