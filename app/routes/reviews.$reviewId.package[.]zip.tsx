import type { LoaderFunctionArgs } from "@remix-run/node";
import { dossierPackageResponse } from "~/boundary/dossier.server";

/** The dossier of the version under collegium review, for its reviewers, secretary and owners. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return dossierPackageResponse(request, { kind: "review", reviewId: params.reviewId });
}
