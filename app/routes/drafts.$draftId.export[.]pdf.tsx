import type { LoaderFunctionArgs } from "@remix-run/node";
import { pdfExportResponse } from "~/exports/act/act-responses.server";

/** The live text as PDF. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return pdfExportResponse(request, params.draftId, null);
}
