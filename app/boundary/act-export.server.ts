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
  const main = found(
    await orUnreadableDocument(request, user.locale, () => loadActSource({ draft, versionId, locale })),
  );
  // A version's text in another language (`?text=<text id>`), as frozen with it; 404 for any other id.
  const textId = which === "version" ? new URL(request.url).searchParams.get("text") : null;
  const source = textId
    ? found((await textSetOf(main, draft, locale)).find((member) => member.textId === textId)).source
    : main;
  if (format === "akn") return aknDownload(source);
  if (format === "pdf") return pdfDownload(source);
  const search = new URL(request.url).searchParams;
  const withComments = search.get("comments") === "1";
  // Pending suggestions belong to the live text only (a version holds accepted text alone).
  const tracked =
    which === "live" && !textId && search.get("suggestions") === "1" ? await liveTextWithSuggestions(draft.id) : null;
  return docxDownload(source, withComments ? await workingGroupThreads(user, resource) : null, tracked);
}

/**
 * Every text of a draft as one download: Word in parallel columns, or Akoma Ntoso with one
 * document per language in a ZIP. `which` "live": the live texts; "version": the texts frozen
 * with the version (`params.versionId`), never the live ones. The same guard as the single
 * text; 404 for a draft or version with one text.
 */
export async function parallelExport(
  request: Request,
  params: { draftId?: string; versionId?: string },
  format: "docx" | "akn.zip",
  which: "version" | "live" = "live",
): Promise<Response> {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.view");
  const locale = resolveLocale(request, user.locale);
  const versionId = which === "version" ? (params.versionId ?? "") : null;
  const main = found(
    await orUnreadableDocument(request, user.locale, () => loadActSource({ draft, versionId, locale })),
  );
  const members = await orUnreadableDocument(request, user.locale, () => textSetOf(main, draft, locale));
  if (members.length < 2) throw notFound();
  return format === "docx" ? parallelDocxDownload(members) : aknZipDownload(members);
}
