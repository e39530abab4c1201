import type { LoaderFunctionArgs } from "@remix-run/node";
import { findPublicRound, roundProposalsJson } from "~/models/rounds/open-data-rounds.server";
import { apiJson, apiOrigin, apiNotFound, apiPagination, readApiPage } from "~/utils/api-response.server";

/** Proposals with their official answers, published with the round's summary and not before. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const round = await findPublicRound(params.roundId ?? "");
  if (!round) return apiNotFound();
  const page = readApiPage(new URL(request.url));
  const { summaryPublished, items, total } = await roundProposalsJson(apiOrigin(request), round, page);
  return apiJson({ summaryPublished, data: items, pagination: apiPagination(request, page, total) });
}
