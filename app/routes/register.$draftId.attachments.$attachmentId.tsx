import type { LoaderFunctionArgs } from "@remix-run/node";
import { frozenAttachmentResponse } from "~/boundary/dossier.server";

/** One attachment of the register entry's final version. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return frozenAttachmentResponse(request, { kind: "register", draftId: params.draftId }, params.attachmentId);
}
