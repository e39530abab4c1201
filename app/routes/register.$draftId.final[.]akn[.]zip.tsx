import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerParallelResponse } from "~/boundary/register-export.server";

/** Every text of the register entry as Akoma Ntoso, one document per language expression, in a ZIP. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return registerParallelResponse(request, params.draftId, "akn.zip");
}
