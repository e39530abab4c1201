import type { LoaderFunctionArgs } from "@remix-run/node";
import { pdfExportResponse } from "~/exports/act/act-responses.server";

/** A frozen version as PDF, its SHA-256 in the metadata and on every page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return pdfExportResponse(request, params.draftId, params.versionId ?? "");
}
