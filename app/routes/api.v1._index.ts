import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiLink } from "~/utils/api-response.server";

/** The entry point of the open-data API: where the collections are (docs/api.md). */
export function loader({ request }: LoaderFunctionArgs) {
  return apiJson({
    version: "v1",
    documentation: "docs/api.md",
    links: {
      rounds: apiLink(request, "/api/v1/rounds"),
      register: apiLink(request, "/api/v1/register"),
    },
  });
}
