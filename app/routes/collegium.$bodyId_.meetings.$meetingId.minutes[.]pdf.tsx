import type { LoaderFunctionArgs } from "@remix-run/node";
import { minutesExport } from "~/boundary/minutes-export.server";

/** Approved minutes as PDF, the SHA-256 of the approved text on every page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return minutesExport(request, params, "pdf");
}
