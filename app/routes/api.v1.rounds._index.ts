import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPublicRounds, roundJson } from "~/models/rounds/open-data-rounds.server";
import { ApiRoundFiltersSchema } from "~/schemas/api";
import { apiJson, apiOrigin, apiPagination, readApiPage } from "~/utils/api-response.server";

/** Public consultation rounds that have opened, newest first; invited rounds are never listed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = readApiPage(url);
  const { status } = ApiRoundFiltersSchema.parse(Object.fromEntries(url.searchParams));
  const { items, total } = await listPublicRounds(page, status);
  return apiJson({
    data: items.map((round) => roundJson(apiOrigin(request), round)),
    pagination: apiPagination(request, page, total),
  });
}
