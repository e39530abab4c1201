import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerExportResponse } from "~/boundary/register-export.server";

/** The register entry's final text as docx. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return registerExportResponse(request, params.draftId, "docx");
}
