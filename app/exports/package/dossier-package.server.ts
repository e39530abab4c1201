import { createHash } from "node:crypto";
import { serverT } from "~/i18n/server-t.server";
import { actToAkn } from "~/exports/act/act-akn.server";
import { actToDocx } from "~/exports/act/act-docx.server";
import { asciiFileName, exportFileName } from "~/exports/act/act-responses.server";
import type { ActSource } from "~/exports/act/act-source.server";
import { attachmentDisposition, readableFileName } from "~/exports/file-name";
import { actToPdf } from "~/exports/pdf/act-pdf.server";
import { writeZip, type ZipFile } from "./zip-writer.server";

/** A frozen attachment with its bytes, as the package takes it. */
export type PackageAttachment = {
  id: string;
  kind: string;
  title: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  /** An attachment written in the editor: the SHA-256 of its frozen plain text. */
  textSha256?: string | null;
  data: Buffer;
};

export type ManifestFile = {
  path: string;
  role: "text" | "attachment";
  mediaType: string;
  sha256: string;
  bytes: number;
  kind?: string;
  title?: string;
  originalName?: string;
  /** An attachment written in the editor: the SHA-256 of its frozen plain text (as the version's). */
  textSha256?: string;
};

/** What `manifest.json` in the package says: enough to check every other file in it. */
export type DossierManifest = {
  format: "agora-dossier/1";
  createdAt: string;
  draft: { id: string; title: string; kind: string; owner: string };
  version: { id: string; number: number; name: string; frozenAt: string; textSha256: string } | null;
  files: ManifestFile[];
};

const sha256Of = (data: Buffer) => createHash("sha256").update(data).digest("hex");

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** An attachment's extension from its media type (the upload check decided the type). */
const EXTENSIONS: Record<string, string> = {
  [DOCX_TYPE]: "docx",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/pdf": "pdf",
};

/** The extension a stored attachment is downloaded with, from the type its check decided. */
export function attachmentExtension(mediaType: string): string {
  return EXTENSIONS[mediaType] ?? "bin";
}

/** "02_Բացատրագիր_Հիմնավորում.pdf": order, kind and title in the text's language. */
export function attachmentFileName(source: ActSource, attachment: Omit<PackageAttachment, "data">, index?: number) {
  const t = serverT(source.language);
  const order = index === undefined ? null : String(index + 1).padStart(2, "0");
  return readableFileName(
    [order, t(`attachments.kinds.${attachment.kind}`), attachment.title],
    EXTENSIONS[attachment.mediaType] ?? "bin",
  );
}

/** `Content-Disposition` of one attachment's download. */
export function attachmentDownloadDisposition(source: ActSource, attachment: Omit<PackageAttachment, "data">) {
  return attachmentDisposition(
    attachmentFileName(source, attachment),
    `attachment-${attachment.id}.${EXTENSIONS[attachment.mediaType] ?? "bin"}`,
  );
}

/** "Օրենք_…_v3_փաթեթ.zip" and its ASCII twin. */
export function packageDisposition(source: ActSource): string {
  const t = serverT(source.language);
  const readable = readableFileName(
    [
      source.labels.kind,
      source.labels.title,
      source.version ? `v${source.version.number}` : null,
      t("attachments.packageFile"),
    ],
    "zip",
  );
  return attachmentDisposition(readable, asciiFileName(source, "package.zip"));
}

/**
 * The dossier as one ZIP: the text as DOCX, PDF and Akoma Ntoso, the frozen attachments,
 * and `manifest.json` naming every other file with its SHA-256 and size, so a recipient can
 * re-hash each file and see that nothing was changed on the way. The file names follow the
 * text's language, as the exports do; the route has decided who may read the version.
 */
export async function dossierPackage(
  source: ActSource,
  attachments: PackageAttachment[],
  now = new Date(),
): Promise<{ zip: Buffer; manifest: DossierManifest }> {
  const texts: { name: string; mediaType: string; data: Buffer }[] = [
    { name: exportFileName(source, "docx"), mediaType: DOCX_TYPE, data: await actToDocx(source) },
    { name: exportFileName(source, "pdf"), mediaType: "application/pdf", data: await actToPdf(source) },
    {
      name: exportFileName(source, "akn.xml"),
      mediaType: "application/akn+xml",
      data: Buffer.from(actToAkn(source, now), "utf8"),
    },
  ];
  const files: ZipFile[] = [];
  const listed: ManifestFile[] = [];
  for (const text of texts) {
    const path = `text/${text.name}`;
    files.push({ name: path, data: text.data });
    listed.push({
      path,
      role: "text",
      mediaType: text.mediaType,
      sha256: sha256Of(text.data),
      bytes: text.data.length,
    });
  }
  attachments.forEach((attachment, index) => {
    const path = `attachments/${attachmentFileName(source, attachment, index)}`;
    files.push({ name: path, data: attachment.data });
    listed.push({
      path,
      role: "attachment",
      mediaType: attachment.mediaType,
      // Recomputed from the bytes: the package lists what it holds, not what a row says.
      sha256: sha256Of(attachment.data),
      bytes: attachment.data.length,
      kind: attachment.kind,
      title: attachment.title,
      originalName: attachment.fileName,
      ...(attachment.textSha256 ? { textSha256: attachment.textSha256 } : {}),
    });
  });
  const manifest: DossierManifest = {
    format: "agora-dossier/1",
    createdAt: now.toISOString(),
    draft: { id: source.draftId, title: source.labels.title, kind: source.kind, owner: source.owner.name },
    version: source.version
      ? {
          id: source.version.id,
          number: source.version.number,
          name: source.version.name,
          frozenAt: source.date.toISOString(),
          textSha256: source.sha256,
        }
      : null,
    files: listed,
  };
  files.push({ name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8") });
  return { zip: writeZip(files, now), manifest };
}
