import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerEntryJson } from "~/models/register/open-data-register.server";
import { apiJson, apiOrigin, apiNotFound } from "~/utils/api-response.server";

/** One act: final text with its SHA-256 and the public history of its consultation. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const entry = await registerEntryJson(apiOrigin(request), params.draftId ?? "");
  return entry ? apiJson({ data: entry }) : apiNotFound();
}
