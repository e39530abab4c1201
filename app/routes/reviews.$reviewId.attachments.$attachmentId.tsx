import type { LoaderFunctionArgs } from "@remix-run/node";
import { frozenAttachmentResponse } from "~/boundary/dossier.server";

/** One attachment of the version under collegium review. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return frozenAttachmentResponse(request, { kind: "review", reviewId: params.reviewId }, params.attachmentId);
}
