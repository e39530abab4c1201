/**
 * Folds text for case-insensitive matching in any script. `toLocaleLowerCase` with no
 * locale handles Armenian, Georgian (including Mtavruli capitals) and Cyrillic;
 * NFC keeps composed and decomposed input equal.
 */
export function foldForSearch(...parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ").normalize("NFC").toLocaleLowerCase().replace(/\s+/g, " ").trim();
}
