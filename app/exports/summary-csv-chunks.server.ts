import type { Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { articlesOf, summaryArticleOrder, summaryLabels, summaryRowOf } from "~/models/rounds/round-summary.server";
import { db } from "~/utils/db.server";
import { readSummaryBatch } from "./summary-csv-rows.server";
import { csvField, summaryCells, summaryHeaders } from "./summary-csv.server";

/** Proposals read per step: one step's rows are all the export ever holds in memory. */
export const CSV_BATCH = 500;

const line = (fields: string[]) => fields.map(csvField).join(",") + "\r\n";

/** The first line of the file: the byte order mark and the column headers, in the interface language. */
export function summaryCsvHeader(locale: Locale): Uint8Array {
  return new TextEncoder().encode("\uFEFF" + line(summaryHeaders(summaryLabels(locale))));
}

/**
 * The summary CSV of a round after its header, one chunk at a time: the proposals
 * article by article (in the consulted version's order) and by number within each, read in
 * batches by keyset (`number > last`, index on roundId, articleId, number) only when the
 * next chunk is asked for. With the header, byte for byte what `summaryToCsv` makes of the whole table.
 */
export async function* summaryCsvRows(roundId: string, locale: Locale): AsyncGenerator<Uint8Array> {
  const t = serverT(locale);
  const labels = summaryLabels(locale);
  const encoder = new TextEncoder();
  const round = await db().consultationRound.findUniqueOrThrow({
    where: { id: roundId },
    select: { version: { select: { content: true } } },
  });
  const articles = articlesOf(round.version.content);
  const present = await db().proposal.groupBy({ by: ["articleId"], where: { roundId, status: "SUBMITTED" } });
  for (const articleId of summaryArticleOrder(
    articles,
    present.map((p) => p.articleId),
  )) {
    let after = 0;
    for (;;) {
      const { rows, last } = await readSummaryBatch(roundId, articleId, after, CSV_BATCH);
      if (rows.length === 0) break;
      after = last;
      yield encoder.encode(rows.map((p) => line(summaryCells(summaryRowOf(p, articles, t, locale), labels))).join(""));
    }
  }
}
