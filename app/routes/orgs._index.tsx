import { ScrollBox } from "~/components/scroll-box";
import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { organizationName } from "~/i18n/localized-name";
import { Pagination } from "~/components/pagination";
import { SearchBox } from "~/components/search-box";
import { useT } from "~/i18n/use-t";
import { listOrganizations } from "~/models/organizations/organizations.server";
import { can, PLATFORM } from "~/policies";
import { pageCount, readPage } from "~/utils/pagination";
import { allow } from "~/boundary/request-boundary.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("orgs.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "organization.list", PLATFORM);
  const page = readPage(new URL(request.url));
  const { items, total } = await listOrganizations(page);
  return {
    organizations: items,
    total,
    page: page.page,
    pages: pageCount(total),
    query: page.query,
    canCreate: can(user.actor, "organization.create"),
  };
}

export default function OrganizationsPage() {
  const t = useT();
  const { organizations, total, page, pages, query, canCreate } = useLoaderData<typeof loader>();
  return (
    <section>
      <div className="page-title">
        <h1>{t("orgs.title")}</h1>
        {canCreate ? (
          <Link to="/orgs/new" className="button primary">
            {t("orgs.create")}
          </Link>
        ) : null}
      </div>
      <SearchBox query={query} label={t("orgs.search")} />
      <p className="muted">{t("common.results", { count: t.number(total) })}</p>
      <ScrollBox label={t("orgs.title")}>
        <table className="table">
          <thead>
            <tr>
              <th>{t("fields.organizationName")}</th>
              <th>{t("fields.kind")}</th>
              <th>{t("fields.country")}</th>
              <th>{t("orgs.memberCount")}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((org) => (
              <tr key={org.id}>
                <td>
                  <Link to={`/orgs/${org.id}`}>{organizationName(org, t.locale)}</Link>
                </td>
                <td>{t(`orgKinds.${org.kind}`)}</td>
                <td>
                  {org.country}
                  {org.city ? `, ${org.city}` : ""}
                </td>
                <td>{t.number(org._count.memberships)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <Pagination page={page} pages={pages} />
    </section>
  );
}
