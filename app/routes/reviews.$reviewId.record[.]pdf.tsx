import type { LoaderFunctionArgs } from "@remix-run/node";
import { reviewRecordToPdf } from "~/exports/pdf/review-record-pdf.server";
import { reviewRecordFor } from "~/boundary/review-record.server";

/** The record of a review as PDF, made on the server, with the version's SHA-256. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { record, sha256, disposition } = await reviewRecordFor(request, params.reviewId);
  const pdf = await reviewRecordToPdf(record, sha256);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": disposition("pdf") },
  });
}
