import { aknDownload, docxDownload, pdfDownload } from "~/exports/act/act-responses.server";
import { liveTextWithSuggestions, loadActSource, workingGroupThreads } from "~/exports/act/act-source.server";
import { aknZipDownload, parallelDocxDownload } from "~/exports/act/parallel-responses.server";
import { textSetOf } from "~/exports/act/text-set.server";
import { resolveLocale } from "~/i18n/locale.server";
import { orUnreadableDocument } from "~/boundary/unreadable-document.server";
import { found, notFound } from "./http-errors.server";
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

/**
 * Every text of a draft (the live main text and its texts in other languages) as one
 * download: Word in parallel columns, or Akoma Ntoso with one document per language in a
 * ZIP. The same guard as the single text; 404 for a draft with one text. Versions do not
 * freeze the language texts yet, so only the live texts are offered.
 */
export async function parallelExport(
  request: Request,
  params: { draftId?: string },
  format: "docx" | "akn.zip",
): Promise<Response> {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.view");
  const locale = resolveLocale(request, user.locale);
  const main = found(
    await orUnreadableDocument(request, user.locale, () => loadActSource({ draft, versionId: null, locale })),
  );
  const members = await orUnreadableDocument(request, user.locale, () => textSetOf(main, draft, locale));
  if (members.length < 2) throw notFound();
  return format === "docx" ? parallelDocxDownload(members) : aknZipDownload(members);
}
