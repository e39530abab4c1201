import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerExportResponse } from "~/boundary/register-export.server";

/** The register entry's final text as akn.xml. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return registerExportResponse(request, params.draftId, "akn.xml");
}
