import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition, readableFileName } from "~/exports/file-name";
import { summaryToDocx } from "~/exports/summary-docx.server";
import { resolveLocale } from "~/i18n/locale.server";
import { buildSummaryTable, summaryLabels } from "~/models/rounds/round-summary.server";
import { requireRound } from "~/boundary/request-boundary.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await requireRound(request, params.roundId, "round.viewSummary");
  const locale = resolveLocale(request, user?.locale);
  const table = await buildSummaryTable(round.id, locale);
  const docx = await summaryToDocx(table, summaryLabels(locale));
  return new Response(new Uint8Array(docx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": attachmentDisposition(
        readableFileName([table.title, table.subtitle], "docx"),
        `summary-${round.id}.docx`,
      ),
    },
  });
}
