import type { LoaderFunctionArgs } from "@remix-run/node";
import { summaryToCsv } from "~/exports/summary-csv.server";
import { resolveLocale } from "~/i18n/locale.server";
import { buildSummaryTable, summaryLabels } from "~/models/rounds/round-summary.server";
import { requireRound } from "~/boundary/request-boundary.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await requireRound(request, params.roundId, "round.viewSummary");
  const locale = resolveLocale(request, user?.locale);
  const csv = summaryToCsv(await buildSummaryTable(round.id, locale), summaryLabels(locale));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="summary-${round.id}.csv"`,
    },
  });
}
