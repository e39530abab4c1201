import type { LoaderFunctionArgs } from "@remix-run/node";
import { parallelExport } from "~/boundary/act-export.server";

/** The version's texts in every language, as frozen with it: Akoma Ntoso, one document per language, in a ZIP. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return parallelExport(request, params, "akn.zip", "version");
}
