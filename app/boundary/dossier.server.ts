import { getCurrentUser } from "~/auth/current-user.server";
import { loadActSource, type ActSource } from "~/exports/act/act-source.server";
import {
  attachmentDownloadDisposition,
  attachmentExtension,
  dossierPackage,
  packageDisposition,
} from "~/exports/package/dossier-package.server";
import { attachmentDisposition, readableFileName } from "~/exports/file-name";
import { cachedPackage } from "~/exports/package/package-cache.server";
import { resolveLocale } from "~/i18n/locale.server";
import {
  versionAttachmentFile,
  versionAttachmentFiles,
  versionAttachments,
} from "~/models/attachments/frozen-attachments.server";
import { liveAttachmentFile } from "~/models/attachments/attachments.server";
import { DOCX_MEDIA_TYPE, liveWrittenAttachmentDocx } from "~/models/attachments/written-attachments.server";
import { draftResourceOf } from "~/models/drafts/draft-access.server";
import { getDraft } from "~/models/drafts/drafts.server";
import { loadRegisterEntry } from "~/models/register/register.server";
import { can } from "~/policies";
import { found, notFound } from "./http-errors.server";
import { requireDraft, requireReview, requireRound } from "./resources.server";

/**
 * Where a frozen dossier is read from. Each place asks its own guard, the one its page asks:
 * a version whoever may see the draft (`draft.view`), a round whoever may see the round
 * (`round.view`: the public for a public round, signed out too), the register entry whoever
 * may see the entry (`draft.viewInRegister`: everyone once adopted), a review its reviewers,
 * secretary and the draft's owners (`review.view`). A place the visitor may not see answers
 * as its page does (404, or the login page for a signed-out visitor).
 */
export type DossierPlace =
  | { kind: "version"; draftId?: string; versionId?: string }
  | { kind: "round"; roundId?: string }
  | { kind: "register"; draftId?: string }
  | { kind: "review"; reviewId?: string };

/** The frozen version a place shows, after its guard: its id and the reader's language. */
async function frozenVersionOf(
  request: Request,
  place: DossierPlace,
): Promise<{ draftId: string; versionId: string; locale: ReturnType<typeof resolveLocale> }> {
  switch (place.kind) {
    case "version": {
      const { user, draft } = await requireDraft(request, place.draftId, "draft.view");
      return { draftId: draft.id, versionId: place.versionId ?? "", locale: resolveLocale(request, user.locale) };
    }
    case "round": {
      const { user, round } = await requireRound(request, place.roundId, "round.view");
      return { draftId: round.draftId, versionId: round.version.id, locale: resolveLocale(request, user?.locale) };
    }
    case "review": {
      const { user, review } = await requireReview(request, place.reviewId, "review.view");
      return { draftId: review.draftId, versionId: review.version.id, locale: resolveLocale(request, user.locale) };
    }
    case "register": {
      const user = await getCurrentUser(request);
      const entry = await loadRegisterEntry(place.draftId ?? "");
      if (!entry || !can(user?.actor ?? null, "draft.viewInRegister", draftResourceOf(entry.draft))) throw notFound();
      if (!entry.version) throw notFound();
      return { draftId: entry.draft.id, versionId: entry.version.id, locale: resolveLocale(request, user?.locale) };
    }
  }
}

async function frozenSource(request: Request, place: DossierPlace): Promise<ActSource & { version: { id: string } }> {
  const { draftId, versionId, locale } = await frozenVersionOf(request, place);
  const draft = found(await getDraft(draftId));
  const source = found(await loadActSource({ draft, versionId, locale }));
  if (!source.version) throw notFound();
  return source as ActSource & { version: { id: string } };
}

const PRIVATE = "private, no-store";

/** The frozen attachments a place shows, for its page (after the page's own guard). */
export function placeAttachments(versionId: string) {
  return versionAttachments(versionId);
}

/** "Download the package": the text in three formats, the attachments and the manifest. */
export async function dossierPackageResponse(request: Request, place: DossierPlace): Promise<Response> {
  const source = await frozenSource(request, place);
  const zip = await cachedPackage(
    source,
    async () => (await dossierPackage(source, await versionAttachmentFiles(source.version.id))).zip,
  );
  return new Response(new Uint8Array(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": packageDisposition(source),
      "Cache-Control": PRIVATE,
    },
  });
}

/** One frozen attachment of the version a place shows; 404 when it is not one of them. */
export async function frozenAttachmentResponse(
  request: Request,
  place: DossierPlace,
  attachmentId: string | undefined,
): Promise<Response> {
  const source = await frozenSource(request, place);
  const attachment = found(await versionAttachmentFile(source.version.id, attachmentId ?? ""));
  return fileResponse(
    attachment.data,
    attachment.mediaType,
    attachment.sha256,
    attachmentDownloadDisposition(source, attachment),
  );
}

/** An attachment as it stands on the draft, for whoever may read the draft. */
export async function liveAttachmentResponse(
  request: Request,
  params: { draftId?: string; attachmentId?: string },
): Promise<Response> {
  const { draft } = await requireDraft(request, params.draftId, "draft.view");
  const written = await liveWrittenAttachmentDocx(draft.id, params.attachmentId ?? "");
  if (written) {
    // Made from the live text now: the Word file a version would freeze at this moment.
    const readable = readableFileName([written.title], "docx");
    const disposition = attachmentDisposition(readable, `attachment-${params.attachmentId}.docx`);
    return fileResponse(written.data, DOCX_MEDIA_TYPE, written.sha256, disposition);
  }
  const attachment = found(await liveAttachmentFile(draft.id, params.attachmentId ?? ""));
  // The type the upload check decided, not whatever the stored name ends with.
  const extension = attachmentExtension(attachment.mediaType);
  const readable = readableFileName([attachment.fileName.replace(/\.[^.]*$/, "")], extension);
  const disposition = attachmentDisposition(readable, `attachment-${params.attachmentId}.${extension}`);
  return fileResponse(attachment.data, attachment.mediaType, attachment.sha256, disposition);
}

/** Always a download, never shown in the page's origin: an uploaded file is not ours to render. */
function fileResponse(data: Buffer, mediaType: string, sha256: string, disposition: string): Response {
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": mediaType,
      "Content-Disposition": disposition,
      "Content-Security-Policy": "sandbox",
      "X-Content-Type-Options": "nosniff",
      ETag: `"${sha256}"`,
      "Cache-Control": PRIVATE,
    },
  });
}
