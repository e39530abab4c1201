/** Longest piece of a title kept in a file name: enough to recognise it, short enough for any disk. */
const TITLE_CHARACTERS = 48;

/**
 * A piece of a file name in any script: letters and digits kept, everything else (quotes,
 * slashes, dots, spaces, control characters) folded into single hyphens, so the name is safe
 * on every system and cannot climb out of a folder.
 */
export function fileNamePiece(text: string, limit = TITLE_CHARACTERS): string {
  const safe = text
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  if (safe.length <= limit) return safe;
  const cut = safe.slice(0, limit);
  const lastBreak = cut.lastIndexOf("-");
  return lastBreak > limit / 2 ? cut.slice(0, lastBreak) : cut;
}

/** "Օրենք_Տեղական-ինքնակառավարման-մասին_v3_մեկնաբանություններով.docx": non-empty pieces joined by "_". */
export function readableFileName(pieces: (string | null | undefined)[], extension: string): string {
  const joined = pieces
    .filter((piece): piece is string => Boolean(piece))
    .map((piece) => fileNamePiece(piece))
    .filter(Boolean)
    .join("_");
  return `${joined || "document"}.${extension}`;
}

/**
 * `Content-Disposition` for a download (RFC 6266): the readable name in `filename*` (UTF-8,
 * percent-encoded), and an ASCII name in `filename` for the few clients that ignore it.
 */
export function attachmentDisposition(readableName: string, asciiName: string): string {
  const ascii = asciiName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(readableName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
