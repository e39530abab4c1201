import { docxDownload, pdfDownload } from "~/exports/act/act-responses.server";
import { loadActSource } from "~/exports/act/act-source.server";
import { resolveLocale } from "~/i18n/locale.server";
import { getDraft } from "~/models/drafts/drafts.server";
import { notFound } from "./http-errors.server";
import { requireMeeting } from "./meeting-resources.server";

/**
 * Approved minutes as DOCX or PDF: the version frozen at approval (its SHA-256 in the
 * footer), for the readers the body chose (`meeting.viewMinutes`), not for whoever may
 * read the minutes' working draft.
 */
export async function minutesExport(
  request: Request,
  params: { bodyId?: string; meetingId?: string },
  format: "docx" | "pdf",
): Promise<Response> {
  const { user, meeting } = await requireMeeting(request, params, "meeting.viewMinutes");
  if (meeting.minutesStatus !== "APPROVED" || !meeting.minutesDraftId || !meeting.minutesVersionId) throw notFound();
  const draft = await getDraft(meeting.minutesDraftId);
  if (!draft) throw notFound();
  const locale = resolveLocale(request, user?.locale ?? null);
  const source = await loadActSource({ draft, versionId: meeting.minutesVersionId, locale });
  if (!source) throw notFound();
  return format === "pdf" ? pdfDownload(source) : docxDownload(source, null);
}
