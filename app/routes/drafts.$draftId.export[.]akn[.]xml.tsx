import type { LoaderFunctionArgs } from "@remix-run/node";
import { aknExportResponse } from "~/exports/act/act-responses.server";

/** The live text as Akoma Ntoso 3.0 XML (`bill`, or `act` once adopted or signed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return aknExportResponse(request, params.draftId, null);
}
