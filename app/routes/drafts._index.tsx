import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { draftTitle } from "~/i18n/localized-name";
import { LocalDate } from "~/components/local-date";
import { DraftKindSelect, DraftStatusSelect, OrganizationSelect } from "~/components/draft-filters";
import { organizationName } from "~/i18n/localized-name";
import { Pagination } from "~/components/pagination";
import { useT } from "~/i18n/use-t";
import { listDrafts } from "~/models/drafts/drafts.server";
import { can, PLATFORM } from "~/policies";
import { DRAFT_KINDS, DRAFT_STATUSES } from "~/schemas/draft";
import { db } from "~/utils/db.server";
import { pageCount, readPage } from "~/utils/pagination";
import { allow } from "~/boundary/request-boundary.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("drafts.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "draft.list", PLATFORM);
  const url = new URL(request.url);
  const page = readPage(url);
  const filters = {
    status: (DRAFT_STATUSES as readonly string[]).includes(url.searchParams.get("status") ?? "")
      ? url.searchParams.get("status")!
      : undefined,
    kind: (DRAFT_KINDS as readonly string[]).includes(url.searchParams.get("kind") ?? "")
      ? url.searchParams.get("kind")!
      : undefined,
    organizationId: url.searchParams.get("organization") || undefined,
  };
  const organizationIds = user.actor.memberships.map((m) => m.organizationId);
  const { items, total } = await listDrafts(
    { id: user.id, isPlatformAdmin: user.isPlatformAdmin, organizationIds },
    page,
    filters,
  );
  const owners = await db().organization.findMany({
    where: { kind: { in: ["MINISTRY", "MUNICIPALITY"] } },
    orderBy: { nameEn: "asc" },
  });
  return {
    drafts: items,
    total,
    page: page.page,
    pages: pageCount(total),
    query: page.query,
    filters,
    owners,
    canCreate: can(user.actor, "draft.create"),
  };
}

export default function DraftsPage() {
  const t = useT();
  const { drafts, total, page, pages, query, filters, owners, canCreate } = useLoaderData<typeof loader>();
  return (
    <section>
      <div className="page-title">
        <h1>{t("drafts.title")}</h1>
        {canCreate ? (
          <Link to="/drafts/new" className="button primary">
            {t("drafts.create")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search" aria-label={t("drafts.search")}>
        <label>
          <span className="visually-hidden">{t("drafts.search")}</span>
          <input type="search" name="q" defaultValue={query} placeholder={t("drafts.search")} />
        </label>
        <DraftStatusSelect name="status" value={filters.status} />
        <DraftKindSelect name="kind" value={filters.kind} />
        <OrganizationSelect name="organization" value={filters.organizationId} organizations={owners} />
        <button type="submit">{t("common.search")}</button>
      </Form>
      <p className="muted">{t("common.results", { count: t.number(total) })}</p>
      {drafts.length === 0 ? <p className="card muted">{t("drafts.none")}</p> : null}
      <ul className="draft-list">
        {drafts.map((draft) => (
          <li key={draft.id} className="card draft-card" data-testid="draft-card">
            <Link to={`/drafts/${draft.id}`} className="draft-card-title">
              {draftTitle(draft, t.locale)}
            </Link>
            <div className="muted">
              {t(`draftKinds.${draft.kind}`)} · {organizationName(draft.ownerOrganization, t.locale)} ·{" "}
              {t("drafts.updated")} <LocalDate value={draft.updatedAt} />
            </div>
            <span className={`status status-${draft.status.toLowerCase()}`}>{t(`draftStatus.${draft.status}`)}</span>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </section>
  );
}
