import type { LoaderFunctionArgs } from "@remix-run/node";
import { frozenAttachmentResponse } from "~/boundary/dossier.server";

/** One attachment of the version under consultation. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return frozenAttachmentResponse(request, { kind: "round", roundId: params.roundId }, params.attachmentId);
}
