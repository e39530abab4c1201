import type { LoaderFunctionArgs } from "@remix-run/node";
import { frozenAttachmentResponse } from "~/boundary/dossier.server";

/** One attachment as this version froze it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return frozenAttachmentResponse(
    request,
    { kind: "version", draftId: params.draftId, versionId: params.versionId },
    params.attachmentId,
  );
}
