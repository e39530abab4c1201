import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerListJson } from "~/models/register/open-data-register.server";
import { readRegisterFilters } from "~/schemas/register";
import { apiJson, apiOrigin, apiPagination, readApiPage } from "~/utils/api-response.server";

/** The register of adopted acts and signed agreements, newest first, with the page's filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = readApiPage(url);
  const { items, total } = await registerListJson(apiOrigin(request), readRegisterFilters(url), page);
  return apiJson({ data: items, pagination: apiPagination(request, page, total) });
}
