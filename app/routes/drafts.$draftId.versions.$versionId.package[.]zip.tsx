import type { LoaderFunctionArgs } from "@remix-run/node";
import { dossierPackageResponse } from "~/boundary/dossier.server";

/** A frozen version's dossier as one ZIP: text (DOCX, PDF, Akoma Ntoso), attachments, manifest. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return dossierPackageResponse(request, { kind: "version", draftId: params.draftId, versionId: params.versionId });
}
