import type { TrackedText } from "./docx-tracked-changes.server";
import { serverT } from "~/i18n/server-t.server";
import { attachmentDisposition, readableFileName } from "../file-name";
import { actToAkn } from "./act-akn.server";
import { actToPdf } from "../pdf/act-pdf.server";
import { actToDocx } from "./act-docx.server";
import type { ActSource, ExportThread } from "./act-source.server";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** "draft-<id>-v3" or "draft-<id>-live": the ASCII name for clients that ignore `filename*`. */
export function asciiFileName(source: ActSource, extension: string): string {
  const which = source.version ? `v${source.version.number}` : "live";
  return `draft-${source.draftId}-${which}.${extension}`;
}

/**
 * The name a person reads in their downloads, in the text's language: kind, short title,
 * "v3" or "current", and "with comments" when they are in it.
 */
export function exportFileName(source: ActSource, extension: string, options: { comments?: boolean } = {}): string {
  const t = serverT(source.language);
  return readableFileName(
    [
      source.labels.kind,
      source.labels.title,
      source.version ? `v${source.version.number}` : t("exports.fileCurrent"),
      options.comments ? t("exports.fileComments") : null,
    ],
    extension,
  );
}

/** `Content-Disposition` of an export of this text. */
export function exportDisposition(source: ActSource, extension: string, options: { comments?: boolean } = {}) {
  const ascii = asciiFileName(source, options.comments ? `comments.${extension}` : extension);
  return attachmentDisposition(exportFileName(source, extension, options), ascii);
}

/**
 * The DOCX download of a version or the live text; `threads` null when comments were not
 * asked for, else the threads the route chose to include.
 */
export async function docxDownload(
  source: ActSource,
  threads: ExportThread[] | null,
  tracked: TrackedText | null = null,
): Promise<Response> {
  const withComments = threads !== null;
  const docx = await actToDocx(source, threads ?? [], tracked);
  return new Response(new Uint8Array(docx), {
    headers: {
      "Content-Type": DOCX_TYPE,
      "Content-Disposition": exportDisposition(source, "docx", { comments: withComments }),
      "Cache-Control": "private, no-store",
    },
  });
}

/** The Akoma Ntoso XML download of a version or the live text. */
export function aknDownload(source: ActSource): Response {
  return new Response(actToAkn(source), {
    headers: {
      "Content-Type": "application/akn+xml; charset=utf-8",
      "Content-Disposition": exportDisposition(source, "akn.xml"),
      "Cache-Control": "private, no-store",
    },
  });
}

/** The PDF of a version or the live text, made on the server. */
export async function pdfDownload(source: ActSource): Promise<Response> {
  const pdf = await actToPdf(source);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": exportDisposition(source, "pdf"),
      "Cache-Control": "private, no-store",
    },
  });
}
