import * as Y from "yjs";
import { DOCUMENT_FIELD } from "../../app/editor/document-field";
import { addSuggestion } from "../../app/editor/suggestions";

/** A pending suggestion of the demo: the words it replaces (found once in the text) and the new ones. */
export type DemoSuggestion = { by: string; find: string; insert: string; articleId: string; daysAgo: number };

function textContaining(parent: Y.XmlFragment | Y.XmlElement, words: string): Y.XmlText | null {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText && child.toString().includes(words)) return child;
    if (child instanceof Y.XmlElement) {
      const found = textContaining(child, words);
      if (found) return found;
    }
  }
  return null;
}

/** The draft's first document with the demo's pending suggestions added beside the text (never in it). */
export function withDemoSuggestions(
  update: Uint8Array,
  suggestions: DemoSuggestion[],
  author: (email: string) => { id: string; name: string },
): Uint8Array {
  if (suggestions.length === 0) return update;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  for (const suggestion of suggestions) {
    const text = textContaining(doc.getXmlFragment(DOCUMENT_FIELD), suggestion.find);
    if (!text) throw new Error(`demo suggestion: "${suggestion.find}" is not in the text`);
    const from = text.toString().indexOf(suggestion.find);
    addSuggestion(doc, {
      author: author(suggestion.by),
      text,
      from,
      to: from + suggestion.find.length,
      insert: suggestion.insert,
      articleId: suggestion.articleId,
      now: new Date(Date.now() - suggestion.daysAgo * 86_400_000),
    });
  }
  const result = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return result;
}
