import type { LoaderFunctionArgs } from "@remix-run/node";
import { dossierPackageResponse } from "~/boundary/dossier.server";

/** The final dossier of a register entry: final text and the attachments frozen with it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return dossierPackageResponse(request, { kind: "register", draftId: params.draftId });
}
