import type { LoaderFunctionArgs } from "@remix-run/node";
import { dossierPackageResponse } from "~/boundary/dossier.server";

/** The dossier of the version under consultation, for whoever may see the round (the public too). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return dossierPackageResponse(request, { kind: "round", roundId: params.roundId });
}
