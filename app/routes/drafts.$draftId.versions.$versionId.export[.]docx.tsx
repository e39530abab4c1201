import type { LoaderFunctionArgs } from "@remix-run/node";
import { actExport } from "~/boundary/act-export.server";

/** A frozen version as a Word document (`?comments=1` adds the working-group comments). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return actExport(request, params, "docx", "version");
}
