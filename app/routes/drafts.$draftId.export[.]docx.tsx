import type { LoaderFunctionArgs } from "@remix-run/node";
import { docxExportResponse } from "~/exports/act/act-responses.server";

/** The live text as a Word document (`?comments=1` adds the working-group comments). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return docxExportResponse(request, params.draftId, null);
}
