import { columnsOf } from "~/exports/act/text-set.server";
import { versionTexts } from "./version-texts.server";

/**
 * What a page showing a version (the version page, a round, a review) needs of its texts:
 * the list with each SHA-256 and the set's, and the text chosen with `?text=` (a text id, or
 * "all" for every text side by side). An unknown text id shows the main text.
 */
export async function versionReading(versionId: string, chosen: string | null) {
  const { setSha256, texts } = await versionTexts(versionId);
  const shownText = chosen && chosen !== "all" ? texts.find((text) => text.textId === chosen) : undefined;
  const parallel =
    texts.length > 1 && chosen === "all"
      ? columnsOf(texts.map((text) => ({ language: text.language, authority: text.authority, doc: text.content })))
      : null;
  return {
    setSha256,
    texts: texts.map((text) => ({
      textId: text.textId,
      language: text.language,
      authority: text.authority,
      sha256: text.sha256,
    })),
    shown: parallel ? "all" : (shownText?.textId ?? null),
    shownText: shownText ? { language: shownText.language, doc: shownText.content } : null,
    parallel,
  };
}

export type VersionReading = Awaited<ReturnType<typeof versionReading>>;

/**
 * The texts a proposal on this version may name: the main text (value "") and each language
 * text by its frozen row's id, which is what the proposal stores.
 */
export async function versionTextChoices(versionId: string) {
  const { texts } = await versionTexts(versionId);
  return texts.map((text) => ({ value: text.versionTextId ?? "", textId: text.textId, language: text.language }));
}
