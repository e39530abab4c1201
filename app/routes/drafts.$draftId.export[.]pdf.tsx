import type { LoaderFunctionArgs } from "@remix-run/node";
import { actExport } from "~/boundary/act-export.server";

/** The live text as PDF. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return actExport(request, params, "pdf", "live");
}
