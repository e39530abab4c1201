import { ORGANIZATION_NAMES } from "~/i18n/localized-name";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/i18n/page-title";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { HighlightedText } from "~/components/highlighted-text";
import { LocalDate } from "~/components/local-date";
import { DraftKindSelect, DraftStatusSelect, OrganizationSelect } from "~/components/draft-filters";
import { Pagination } from "~/components/pagination";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { SEARCH_KINDS, SearchParamsSchema, type SearchKind } from "~/schemas/search";
import { searchCounts, searchHits, type SearchFilters, type SearchHit } from "~/search/search.server";
import { db } from "~/utils/db.server";
import { pageCount, readPage } from "~/utils/pagination";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data?.params.q ? t("titles.search", { query: data.params.q }) : t("search.title")));

/** Results of each kind shown on the overview before "show all". */
const PREVIEW = 5;

/**
 * Search over everything the visitor may see (signed out: public consultations and
 * published summaries). Visibility is applied inside the search query (app/search).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const actor = user?.actor ?? null;
  const url = new URL(request.url);
  const params = SearchParamsSchema.parse(Object.fromEntries(url.searchParams));
  const page = readPage(url);
  const locale = resolveLocale(request, user?.locale);
  const filters: SearchFilters = {
    kind: params.kind,
    draftKind: params.draftKind,
    draftStatus: params.draftStatus,
    organizationId: params.organization,
    order: params.order,
  };
  const counts = await searchCounts(actor, params.q, filters);
  const groups: { kind: SearchKind; hits: SearchHit[] }[] = [];
  if (params.kind) {
    groups.push({ kind: params.kind, hits: await searchHits(actor, params.q, filters, page, locale) });
  } else {
    for (const kind of SEARCH_KINDS) {
      if (counts[kind] === 0) continue;
      const hits = await searchHits(actor, params.q, { ...filters, kind }, { skip: 0, take: PREVIEW }, locale);
      groups.push({ kind, hits });
    }
  }
  const owners = await db().organization.findMany({
    where: { kind: { in: ["MINISTRY", "MUNICIPALITY"] } },
    orderBy: { nameEn: "asc" },
    select: ORGANIZATION_NAMES,
  });
  return {
    params,
    counts,
    groups,
    owners,
    signedIn: !!user,
    page: page.page,
    pages: params.kind ? pageCount(counts[params.kind]) : 1,
  };
}

export default function SearchPage() {
  const t = useT();
  const { params, counts, groups, owners, signedIn, page, pages } = useLoaderData<typeof loader>();
  const location = useLocation();
  const total = SEARCH_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
  /** This search with another kind of result (and the first page). */
  const kindHref = (kind: SearchKind | "") => {
    const next = new URLSearchParams(location.search);
    next.delete("page");
    if (kind) next.set("kind", kind);
    else next.delete("kind");
    return `/search?${next.toString()}`;
  };
  return (
    <section>
      <h1>{t("search.title")}</h1>
      <Form method="get" action="/search" className="filters" role="search" aria-label={t("search.title")}>
        <label>
          <span className="visually-hidden">{t("search.label")}</span>
          <input type="search" name="q" defaultValue={params.q} placeholder={t("search.label")} />
        </label>
        <label>
          <span className="visually-hidden">{t("search.resultKind")}</span>
          <select name="kind" defaultValue={params.kind ?? ""}>
            <option value="">{t("search.allKinds")}</option>
            {SEARCH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`search.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <DraftKindSelect name="draftKind" value={params.draftKind} />
        <DraftStatusSelect name="draftStatus" value={params.draftStatus} />
        <OrganizationSelect name="organization" value={params.organization} organizations={owners} />
        <label>
          <span className="visually-hidden">{t("search.order")}</span>
          <select name="order" defaultValue={params.order ?? "relevance"}>
            <option value="relevance">{t("search.orders.relevance")}</option>
            <option value="newest">{t("search.orders.newest")}</option>
          </select>
        </label>
        <button type="submit">{t("common.search")}</button>
      </Form>
      {signedIn ? null : <p className="muted">{t("search.signInHint")}</p>}
      {params.q === "" ? (
        <p className="muted">{t("search.prompt")}</p>
      ) : (
        <>
          <nav className="search-kinds" aria-label={t("search.resultKind")}>
            <Link to={kindHref("")} aria-current={params.kind ? undefined : "page"}>
              {t("search.allKinds")} ({t.number(total)})
            </Link>
            {SEARCH_KINDS.map((kind) => (
              <Link key={kind} to={kindHref(kind)} aria-current={params.kind === kind ? "page" : undefined}>
                {t(`search.kinds.${kind}`)} (<span data-testid={`search-count-${kind}`}>{t.number(counts[kind])}</span>)
              </Link>
            ))}
          </nav>
          {total === 0 ? <p className="card muted">{t("search.none")}</p> : null}
          {groups.map((group) => (
            <section key={group.kind} className="search-group" data-kind={group.kind}>
              <h2>
                {t(`search.kinds.${group.kind}`)} ({t.number(counts[group.kind])})
              </h2>
              <ul className="draft-list">
                {group.hits.map((hit) => (
                  <SearchResultItem key={hit.id} hit={hit} />
                ))}
              </ul>
              {!params.kind && counts[group.kind] > group.hits.length ? (
                <Link to={kindHref(group.kind)}>{t("search.showAll", { count: t.number(counts[group.kind]) })}</Link>
              ) : null}
            </section>
          ))}
          <Pagination page={page} pages={pages} />
        </>
      )}
    </section>
  );
}

type HitData = ReturnType<typeof useLoaderData<typeof loader>>["groups"][number]["hits"][number];

function SearchResultItem({ hit }: { hit: HitData }) {
  const t = useT();
  return (
    <li className="card draft-card" data-testid="search-hit">
      <Link to={hit.href} className="draft-card-title">
        <HighlightedText segments={hit.title} />
      </Link>
      {hit.snippet.length ? (
        <p className="search-snippet">
          <HighlightedText segments={hit.snippet} />
        </p>
      ) : null}
      <div className="muted">
        {hit.kind === "DRAFT" ? null : <>{t("search.inDraft", { title: hit.draftTitle })} · </>}
        {t(`draftKinds.${hit.draftKind}`)} · {t(`draftStatus.${hit.draftStatus}`)} · <LocalDate value={hit.date} />
      </div>
    </li>
  );
}
