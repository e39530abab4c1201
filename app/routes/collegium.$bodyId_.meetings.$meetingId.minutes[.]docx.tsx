import type { LoaderFunctionArgs } from "@remix-run/node";
import { minutesExport } from "~/boundary/minutes-export.server";

/** Approved minutes as a Word document in the official layout. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return minutesExport(request, params, "docx");
}
