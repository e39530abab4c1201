import type { LoaderFunctionArgs } from "@remix-run/node";
import { getVersion } from "~/models/documents/versions.server";
import { found, requireDraft } from "~/boundary/request-boundary.server";

/** The exact text the version's SHA-256 was computed over, so anyone can check it (sha256sum). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraft(request, params.draftId, "draft.view");
  const version = found(await getVersion(draft.id, params.versionId ?? ""));
  return new Response(version.plainText, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="version-${version.number}.txt"`,
      "X-Content-SHA256": version.sha256,
    },
  });
}
