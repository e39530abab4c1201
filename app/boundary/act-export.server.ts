import { aknDownload, docxDownload, pdfDownload } from "~/exports/act/act-responses.server";
import { liveTextWithSuggestions, loadActSource, workingGroupThreads } from "~/exports/act/act-source.server";
import { resolveLocale } from "~/i18n/locale.server";
import { orUnreadableDocument } from "~/boundary/unreadable-document.server";
import { found } from "./http-errors.server";
import { requireDraft } from "./resources.server";

/**
 * A draft's text as a download (`versionId` null: the live text), for the export routes. Reading it asks the same guard as reading the version page; comments come only
 * with `?comments=1`, and only the working-group threads this person may see; pending suggestions
 * as Word tracked changes with `?suggestions=1` (live text only).
 */
export async function actExport(
  request: Request,
  params: { draftId?: string; versionId?: string },
  format: "docx" | "akn" | "pdf",
  which: "version" | "live",
): Promise<Response> {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
  const versionId = which === "version" ? (params.versionId ?? "") : null;
  const locale = resolveLocale(request, user.locale);
  const source = found(
    await orUnreadableDocument(request, user.locale, () => loadActSource({ draft, versionId, locale })),
  );
  if (format === "akn") return aknDownload(source);
  if (format === "pdf") return pdfDownload(source);
  const search = new URL(request.url).searchParams;
  const withComments = search.get("comments") === "1";
  // Pending suggestions belong to the live text only (a version holds accepted text alone).
  const tracked =
    which === "live" && search.get("suggestions") === "1" ? await liveTextWithSuggestions(draft.id) : null;
  return docxDownload(source, withComments ? await workingGroupThreads(user, resource) : null, tracked);
}
