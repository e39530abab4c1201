import type { LoaderFunctionArgs } from "@remix-run/node";
import { parallelExport } from "~/boundary/act-export.server";

/** The live texts in every language as Akoma Ntoso, one document per language expression, in a ZIP. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return parallelExport(request, params, "akn.zip");
}
