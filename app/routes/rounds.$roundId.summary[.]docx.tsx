import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition, readableFileName } from "~/exports/file-name";
import { summaryToDocx } from "~/exports/summary-docx.server";
import { resolveLocale } from "~/i18n/locale.server";
import { buildSummaryTable, summaryLabels } from "~/models/rounds/round-summary.server";
import { requireRound } from "~/boundary/request-boundary.server";
import { storedSummaryFile } from "~/models/rounds/summary-file.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await requireRound(request, params.roundId, "round.viewSummary");
  const locale = resolveLocale(request, user?.locale);
  // Built once at publication and stored: served as it is, to everyone, in the document's language.
  const stored = await storedSummaryFile(round.id);
  const table = stored ? null : await buildSummaryTable(round.id, locale);
  const docx = stored?.data ?? (await summaryToDocx(table!, summaryLabels(locale)));
  return new Response(new Uint8Array(docx), {
    headers: {
      ...(stored ? { ETag: `"${stored.sha256}"` } : {}),
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": attachmentDisposition(
        stored ? stored.fileName || "summary.docx" : readableFileName([table!.title, table!.subtitle], "docx"),
        `summary-${round.id}.docx`,
      ),
    },
  });
}
