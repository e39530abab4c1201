import type { LoaderFunctionArgs } from "@remix-run/node";
import { summaryToDocx } from "~/exports/summary-docx.server";
import { resolveLocale } from "~/i18n/locale.server";
import { buildSummaryTable, summaryLabels } from "~/models/rounds/round-summary.server";
import { requireRound } from "~/boundary/request-boundary.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await requireRound(request, params.roundId, "round.viewSummary");
  const locale = resolveLocale(request, user?.locale);
  const docx = await summaryToDocx(await buildSummaryTable(round.id, locale), summaryLabels(locale));
  return new Response(new Uint8Array(docx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="summary-${round.id}.docx"`,
    },
  });
}
