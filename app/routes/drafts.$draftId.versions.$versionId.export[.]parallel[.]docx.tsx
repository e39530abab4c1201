import type { LoaderFunctionArgs } from "@remix-run/node";
import { parallelExport } from "~/boundary/act-export.server";

/** The version's texts in every language, as frozen with it, as one Word document in parallel columns. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return parallelExport(request, params, "docx", "version");
}
