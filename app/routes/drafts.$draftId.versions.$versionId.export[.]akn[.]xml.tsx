import type { LoaderFunctionArgs } from "@remix-run/node";
import { actExport } from "~/boundary/act-export.server";

/** A frozen version as Akoma Ntoso 3.0 XML (`bill`, or `act` once adopted or signed). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return actExport(request, params, "akn", "version");
}
