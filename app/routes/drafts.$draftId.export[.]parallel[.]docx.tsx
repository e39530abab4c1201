import type { LoaderFunctionArgs } from "@remix-run/node";
import { parallelExport } from "~/boundary/act-export.server";

/** The live texts in every language as one Word document, in parallel columns. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return parallelExport(request, params, "docx");
}
