import type { LoaderFunctionArgs } from "@remix-run/node";
import { reviewRecordToDocx } from "~/exports/review-record-docx.server";
import { reviewRecordFor } from "~/boundary/review-record.server";

/** The printable record of a review as DOCX; each reviewer's decision only once it is closed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { record, disposition } = await reviewRecordFor(request, params.reviewId);
  const docx = await reviewRecordToDocx(record);
  return new Response(new Uint8Array(docx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": disposition("docx"),
    },
  });
}
