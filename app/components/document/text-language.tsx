import { createContext, useContext, useMemo } from "react";
import { shownNumber, textLabels, type TextLanguage } from "~/i18n/text-languages";
import { useT } from "~/i18n/use-t";

/**
 * The language of the text a page shows. Set once around a draft's, version's or round's page;
 * everything that names the text's structure ("Հոդված 3.") reads it from here, while the
 * interface around it stays in the reader's language.
 */
export const TextLanguageContext = createContext<TextLanguage | null>(null);

export function TextLanguageProvider({ language, children }: { language: TextLanguage; children: React.ReactNode }) {
  return <TextLanguageContext.Provider value={language}>{children}</TextLanguageContext.Provider>;
}

/** The text's language; the reader's where a page shows no text. */
export function useTextLanguage(): TextLanguage {
  const t = useT();
  return useContext(TextLanguageContext) ?? t.locale;
}

/** Chapter/Article/Part/Point and their numbers in the text's language, numbers as it writes them. */
export function useTextLabels() {
  const language = useTextLanguage();
  return useMemo(() => {
    const labels = textLabels(language);
    return {
      ...labels,
      chapterNumber: (n: number) => labels.chapterNumber(shownNumber(language, n)),
      articleNumber: (n: number) => labels.articleNumber(shownNumber(language, n)),
    };
  }, [language]);
}
