import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerParallelResponse } from "~/boundary/register-export.server";

/** Every text of the register entry as one Word document, in parallel columns. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return registerParallelResponse(request, params.draftId, "docx");
}
