import type { LoaderFunctionArgs } from "@remix-run/node";
import { findPublicRound, roundVersionJson } from "~/models/rounds/open-data-rounds.server";
import { apiJson, apiOrigin, apiNotFound } from "~/utils/api-response.server";

/** The frozen text the round consulted on, with the SHA-256 anyone can recompute from `text`. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const round = await findPublicRound(params.roundId ?? "");
  if (!round) return apiNotFound();
  return apiJson({ data: await roundVersionJson(apiOrigin(request), round) });
}
