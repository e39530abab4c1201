import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition, readableFileName } from "~/exports/file-name";
import { summaryToPdf } from "~/exports/pdf/summary-pdf.server";
import { resolveLocale } from "~/i18n/locale.server";
import { requireRound } from "~/boundary/request-boundary.server";
import { buildSummaryTable, summaryLabels } from "~/models/rounds/round-summary.server";

/** The summary of proposals as PDF, made on the server (same guard as the Word file). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await requireRound(request, params.roundId, "round.viewSummary");
  const locale = resolveLocale(request, user?.locale);
  const table = await buildSummaryTable(round.id, locale);
  const pdf = await summaryToPdf(table, summaryLabels(locale));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentDisposition(
        readableFileName([table.title, table.subtitle], "pdf"),
        `summary-${round.id}.pdf`,
      ),
    },
  });
}
