import type { LoaderFunctionArgs } from "@remix-run/node";
import { summaryCsvStream } from "~/exports/summary-csv-stream.server";
import { resolveLocale } from "~/i18n/locale.server";
import { requireRound } from "~/boundary/request-boundary.server";

/** Streamed: a round of a million proposals starts downloading at once and is never built in memory. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await requireRound(request, params.roundId, "round.viewSummary");
  const locale = resolveLocale(request, user?.locale);
  return new Response(await summaryCsvStream(round.id, locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="summary-${round.id}.csv"`,
    },
  });
}
