import type { LoaderFunctionArgs } from "@remix-run/node";
import { liveAttachmentResponse } from "~/boundary/dossier.server";

/** An attachment as it stands on the draft now, for whoever may read the draft. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return liveAttachmentResponse(request, params);
}
