import { actToAkn } from "./act-akn.server";
import { actToDocx } from "./act-docx.server";
import type { ActSource, ExportThread } from "./act-source.server";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** "draft-<id>-v3" or "draft-<id>-live": ASCII only, so every browser keeps the name. */
export function exportFileName(source: ActSource, extension: string): string {
  const which = source.version ? `v${source.version.number}` : "live";
  return `draft-${source.draftId}-${which}.${extension}`;
}

/** The DOCX download of a version or the live text, with the threads the route chose to include. */
export async function docxDownload(source: ActSource, threads: ExportThread[]): Promise<Response> {
  const docx = await actToDocx(source, threads);
  return new Response(new Uint8Array(docx), {
    headers: {
      "Content-Type": DOCX_TYPE,
      "Content-Disposition": `attachment; filename="${exportFileName(source, "docx")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** The Akoma Ntoso XML download of a version or the live text. */
export function aknDownload(source: ActSource): Response {
  return new Response(actToAkn(source), {
    headers: {
      "Content-Type": "application/akn+xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(source, "akn.xml")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
