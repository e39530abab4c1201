import type { LoaderFunctionArgs } from "@remix-run/node";
import { findPublicRound, roundJson } from "~/models/rounds/open-data-rounds.server";
import { apiJson, apiOrigin, apiNotFound } from "~/utils/api-response.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const round = await findPublicRound(params.roundId ?? "");
  if (!round) return apiNotFound();
  return apiJson({ data: roundJson(apiOrigin(request), round) });
}
