import type { LoaderFunctionArgs } from "@remix-run/node";
import { actExport } from "~/boundary/act-export.server";

/** A frozen version as PDF, its SHA-256 in the metadata and on every page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return actExport(request, params, "pdf", "version");
}
