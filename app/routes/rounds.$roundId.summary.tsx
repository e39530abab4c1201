import { ScrollBox } from "~/components/scroll-box";
import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FlagControl, ModerationControls } from "~/components/moderation/moderation-controls";
import { Pagination } from "~/components/pagination";
import { useT } from "~/i18n/use-t";
import { resolveLocale } from "~/i18n/locale.server";
import { summaryLabels } from "~/models/rounds/round-summary.server";
import { summaryPage } from "~/models/rounds/summary-page.server";
import { summaryCells, summaryHeaders } from "~/exports/summary-csv.server";
import { can } from "~/policies";
import { pageCount, readPage } from "~/utils/pagination";
import { requireRound } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, () => (data ? data.title : null));

/**
 * Rows per page: a round with thousands of proposals would otherwise send megabytes of HTML
 * (5,000 rows: 11.7 MB, 1.3 s; bench/rounds.ts). The totals cover the whole round, and the
 * CSV and Word downloads always hold every row.
 */
const ROWS_PER_PAGE = 200;

/** The summary table consultation rules require: on a public page for public rounds. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor, round, resource } = await requireRound(request, params.roundId, "round.viewSummary");
  const locale = resolveLocale(request, user?.locale);
  const labels = summaryLabels(locale);
  const page = readPage(new URL(request.url), ROWS_PER_PAGE);
  const table = await summaryPage(round.id, locale, page);
  return {
    roundId: round.id,
    published: round.status === "ANSWERED",
    title: table.title,
    subtitle: table.subtitle,
    headers: summaryHeaders(labels),
    rows: table.rows.map((row) => ({
      id: row.proposalId,
      hidden: row.hidden,
      cells: summaryCells(row, labels),
    })),
    // Staff of the owning ministry moderate from here too; other signed-in readers can flag.
    canModerate: can(actor, "moderation.hide", resource),
    canFlag: can(actor, "moderation.flag", resource),
    rowCount: table.rowCount,
    page: page.page,
    pages: pageCount(table.rowCount, ROWS_PER_PAGE),
    totalsByDecision: table.totalsByDecision.map((total) => [labels.decisions[total.decision], total.count] as const),
    totalsByOrganization: table.totalsByOrganization.map((total) => [total.organization, total.count] as const),
    campaigns: table.campaigns,
  };
}

export default function SummaryPage() {
  const t = useT();
  const summary = useLoaderData<typeof loader>();
  return (
    <section className="summary-page">
      <p className="eyebrow">
        <Link to={`/rounds/${summary.roundId}`}>← {t("rounds.backToRound")}</Link>
      </p>
      <h1>{summary.title}</h1>
      <p className="muted">{summary.subtitle}</p>
      {!summary.published ? <p className="card notice">{t("rounds.summaryPreview")}</p> : null}
      <p className="actions">
        <a className="button" href={`/rounds/${summary.roundId}/summary.docx`} download>
          {t("rounds.downloadDocx")}
        </a>
        <a className="button" href={`/rounds/${summary.roundId}/summary.pdf`} download>
          {t("exports.downloadPdf")}
        </a>
        <a className="button" href={`/rounds/${summary.roundId}/summary.csv`} download>
          {t("rounds.downloadCsv")}
        </a>
      </p>
      {summary.pages > 1 ? (
        <p className="muted">
          {t("rounds.summaryRows", { count: t.number(summary.rowCount), pages: t.number(summary.pages) })}
        </p>
      ) : null}
      <ScrollBox label={summary.title}>
        <table className="summary-table" data-testid="summary-table">
          <thead>
            <tr>
              {summary.headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
              {summary.canModerate || summary.canFlag ? <th scope="col">{t("moderation.hideTitle")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={row.id} data-hidden={row.hidden ? "true" : undefined}>
                {row.cells.map((cell, column) => (
                  <td key={column} className="plain-text">
                    {cell}
                  </td>
                ))}
                {summary.canModerate ? (
                  <td>
                    <ModerationControls
                      kind="proposal"
                      id={row.id}
                      item={{ hiddenAt: row.hidden ? "hidden" : null, hiddenReason: null, hiddenNote: null }}
                    />
                  </td>
                ) : summary.canFlag ? (
                  <td>{row.hidden ? null : <FlagControl kind="proposal" id={row.id} />}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <Pagination page={summary.page} pages={summary.pages} />
      <div className="columns">
        <TotalsTable caption={t("summary.totalsByDecision")} rows={summary.totalsByDecision} />
        <TotalsTable caption={t("summary.totalsByOrganization")} rows={summary.totalsByOrganization} />
        <TotalsTable
          caption={t("summary.totalsBySubmitter")}
          rows={[
            [t("summary.onOwnBehalf"), summary.campaigns.individual],
            [t("summary.onBehalfOfOrganization"), summary.campaigns.byOrganization],
          ]}
        />
      </div>
      {summary.campaigns.groups.length > 0 ? (
        <CampaignTable groups={summary.campaigns.groups} unlisted={summary.campaigns.unlisted} />
      ) : null}
    </section>
  );
}

function TotalsTable({ caption, rows }: { caption: string; rows: readonly (readonly [string, number])[] }) {
  const t = useT();
  return (
    <table className="totals-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([name, count]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{t.number(count)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t("summary.total")}</th>
          <td>{t.number(rows.reduce((sum, [, count]) => sum + count, 0))}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** Each campaign once, with how many sent it and from how many organizations. */
function CampaignTable({
  groups,
  unlisted,
}: {
  groups: { articleNumber: number; proposal: string; count: number; organizations: number }[];
  unlisted: number;
}) {
  const t = useT();
  return (
    <ScrollBox label={t("summary.campaigns")}>
      <table className="summary-table" data-testid="campaign-table">
        <caption>{t("summary.campaigns")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("summary.article")}</th>
            <th scope="col">{t("summary.proposal")}</th>
            <th scope="col">{t("summary.count")}</th>
            <th scope="col">{t("summary.distinctOrganizations")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group, i) => (
            <tr key={i}>
              <td>{t.number(group.articleNumber)}</td>
              <td className="plain-text">{group.proposal}</td>
              <td>{t.number(group.count)}</td>
              <td>{t.number(group.organizations)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {unlisted > 0 ? <p className="muted">{t("summary.unlistedCampaigns", { count: t.number(unlisted) })}</p> : null}
    </ScrollBox>
  );
}
