import type { DocNode } from "~/editor/document-json";
import type { TextLanguage } from "~/i18n/text-languages";
import { DocumentView } from "./document-view";
import { ParallelDocumentView, type ParallelColumn } from "./parallel-document-view";
import { TextLanguageProvider } from "./text-language";

type Reading = { shownText: { language: TextLanguage; doc: DocNode } | null; parallel: ParallelColumn[] | null };

/** A version's text as chosen: every text side by side, one language text (in its language), or the main text. */
export function VersionTextView({
  reading,
  mainDoc,
  caption,
}: {
  reading: Reading;
  mainDoc: DocNode;
  caption: string;
}) {
  if (reading.parallel) return <ParallelDocumentView columns={reading.parallel} caption={caption} />;
  if (reading.shownText) {
    return (
      <TextLanguageProvider language={reading.shownText.language}>
        <div className="editor-frame" lang={reading.shownText.language} data-testid="version-language-text">
          <DocumentView doc={reading.shownText.doc} />
        </div>
      </TextLanguageProvider>
    );
  }
  return (
    <div className="editor-frame">
      <DocumentView doc={mainDoc} />
    </div>
  );
}
