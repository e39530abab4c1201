import type { Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { articlesOf, summaryArticleOrder, summaryLabels, summaryRowOf } from "~/models/rounds/round-summary.server";
import { db } from "~/utils/db.server";
import { readSummaryBatch } from "./summary-csv-rows.server";
import { csvField, summaryCells, summaryHeaders } from "./summary-csv.server";

/** Proposals read per step: one step's rows are all the export ever holds in memory. */
export const CSV_BATCH = 500;

const line = (fields: string[]) => fields.map(csvField).join(",") + "\r\n";

/**
 * The summary CSV of a round as a stream: the header at once, then the proposals article by
 * article (in the consulted version's order) and by number within each, read in batches by
 * keyset (`number > last`, index on roundId, articleId, number) as the client reads. The same
 * cells, quoting and byte order mark as `summaryToCsv`; memory stays one batch whatever the size.
 */
export async function summaryCsvStream(roundId: string, locale: Locale): Promise<ReadableStream<Uint8Array>> {
  const t = serverT(locale);
  const labels = summaryLabels(locale);
  const round = await db().consultationRound.findUniqueOrThrow({
    where: { id: roundId },
    select: { version: { select: { content: true } } },
  });
  const articles = articlesOf(round.version.content);
  const present = await db().proposal.groupBy({ by: ["articleId"], where: { roundId, status: "SUBMITTED" } });
  const queue = summaryArticleOrder(
    articles,
    present.map((p) => p.articleId),
  );
  let after = 0;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + line(summaryHeaders(labels))));
    },
    async pull(controller) {
      // A turn of the event loop before each read: the SQLite driver answers synchronously,
      // so without it the whole file is produced in one chain of microtasks and nothing
      // reaches the socket (not even the header) until the last batch.
      await new Promise((resolve) => setImmediate(resolve));
      while (queue.length > 0) {
        const { rows: batch, last } = await readSummaryBatch(roundId, queue[0]!, after, CSV_BATCH);
        if (batch.length === 0) {
          queue.shift();
          after = 0;
          continue;
        }
        after = last;
        const text = batch.map((p) => line(summaryCells(summaryRowOf(p, articles, t, locale), labels))).join("");
        controller.enqueue(encoder.encode(text));
        return;
      }
      controller.close();
    },
  });
}
