import { pageTitle } from "~/i18n/page-title";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { draftTitle } from "~/i18n/localized-name";
import { feedLinkDescriptors, FollowLinks } from "~/components/follow/feed-links";
import { LocalDate } from "~/components/local-date";
import { DraftKindSelect, OrganizationSelect } from "~/components/draft-filters";
import { organizationName } from "~/i18n/localized-name";
import { Pagination } from "~/components/pagination";
import { useT } from "~/i18n/use-t";
import { listRegister } from "~/models/register/register.server";
import { readRegisterFilters } from "~/schemas/register";
import { pageCount, readPage } from "~/utils/pagination";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("register.title"));
export const links: LinksFunction = () => feedLinkDescriptors("register");

/**
 * The public register: every draft that was adopted or signed, for everyone, signed out too.
 * The model selects by the final statuses the policy's `draft.viewInRegister` admits.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = readPage(url);
  const filters = readRegisterFilters(url);
  const { items, total, years, organizations } = await listRegister(filters, page);
  return { entries: items, total, page: page.page, pages: pageCount(total), filters, years, organizations };
}

export default function RegisterPage() {
  const t = useT();
  const { entries, total, page, pages, filters, years, organizations } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("register.title")}</h1>
      <p className="muted">{t("register.intro")}</p>
      <FollowLinks feed="register" />
      <Form method="get" className="filters" role="search" aria-label={t("register.filterLandmark")}>
        <label>
          <span className="visually-hidden">{t("register.searchLabel")}</span>
          <input type="search" name="q" defaultValue={filters.q ?? ""} placeholder={t("register.searchLabel")} />
        </label>
        <DraftKindSelect name="kind" value={filters.kind} />
        <OrganizationSelect name="organization" value={filters.organizationId} organizations={organizations} />
        <label>
          <span className="visually-hidden">{t("register.year")}</span>
          <select name="year" defaultValue={filters.year ? String(filters.year) : ""}>
            <option value="">{t("register.anyYear")}</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t("search.order")}</span>
          <select name="order" defaultValue={filters.order ?? "relevance"}>
            <option value="relevance">{t("search.orders.relevance")}</option>
            <option value="newest">{t("search.orders.newest")}</option>
          </select>
        </label>
        <button type="submit">{t("common.apply")}</button>
      </Form>
      <p className="muted">{t("common.results", { count: t.number(total) })}</p>
      {entries.length === 0 ? <p className="card muted">{t("register.none")}</p> : null}
      <ul className="draft-list">
        {entries.map((entry) => (
          <li key={entry.id} className="card draft-card" data-testid="register-entry">
            <Link to={`/register/${entry.id}`} className="draft-card-title">
              {draftTitle(entry, t.locale)}
            </Link>
            <div className="muted">
              {t(`draftKinds.${entry.kind}`)} · {organizationName(entry.ownerOrganization, t.locale)} ·{" "}
              {t(`register.reached.${entry.status}`)} <LocalDate value={entry.reachedAt} />
            </div>
            <span className={`status status-${entry.status.toLowerCase()}`}>{t(`draftStatus.${entry.status}`)}</span>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </section>
  );
}
