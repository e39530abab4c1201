import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { requireRound } from "~/boundary/request-boundary.server";

/** The exact text of the round's version that its SHA-256 was computed over (check with sha256sum). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await requireRound(request, params.roundId, "round.view");
  const version = await db().draftVersion.findUniqueOrThrow({
    where: { id: round.versionId },
    select: { number: true, plainText: true, sha256: true },
  });
  return new Response(version.plainText, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="version-${version.number}.txt"`,
      "X-Content-SHA256": version.sha256,
    },
  });
}
