import * as Y from "yjs";
import { DOCUMENT_FIELD } from "~/editor/document-field";
import { addSuggestion, articleAround, type Suggestion } from "~/editor/suggestions";
import type { TrackedParagraph, WordChange } from "./word-tracked-changes.server";

/** Numbers the exports write before a paragraph ("Article 3. ", "2. ", "1) ", "• "): not the draft's words. */
const MAX_LABEL_CHARS = 40;
const LABEL = /^[^\n]*?(\d+|[•·])[^\n]*$/u;

type Paragraph = { text: Y.XmlText; words: string };

/** Every paragraph and title text of the accepted text, with its words. */
function paragraphsOf(doc: Y.Doc): Paragraph[] {
  const found: Paragraph[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        const words = child.toString();
        if (words.trim()) found.push({ text: child, words: plainWords(child) });
      } else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(doc.getXmlFragment(DOCUMENT_FIELD));
  return found;
}

function plainWords(text: Y.XmlText): string {
  let out = "";
  for (const op of text.toDelta() as { insert?: unknown }[]) if (typeof op.insert === "string") out += op.insert;
  return out;
}

/**
 * The draft paragraph a Word paragraph is: its text as it was before the changes is that
 * paragraph's words, perhaps after a number label. Only a single match counts (two equal
 * paragraphs could not be told apart).
 */
function match(paragraphs: Paragraph[], base: string): { paragraph: Paragraph; offset: number } | null {
  const candidates = paragraphs.flatMap((paragraph) => {
    if (!paragraph.words || !base.endsWith(paragraph.words)) return [];
    const label = base.slice(0, base.length - paragraph.words.length);
    if (label && (label.length > MAX_LABEL_CHARS || !LABEL.test(label) || !/\s$/.test(label))) return [];
    return [{ paragraph, offset: label.length }];
  });
  return candidates.length === 1 ? candidates[0]! : null;
}

/** A deletion followed at once by an insertion of the same author is one replacement. */
type Wording = { from: number; to: number; insert: string; change: WordChange };
function wordingsOf(changes: WordChange[]): Wording[] {
  const out: Wording[] = [];
  for (const change of changes) {
    const last = out.at(-1);
    if (change.kind === "insert") {
      if (last && last.to === change.at && last.insert === "" && last.change.author === change.author) {
        last.insert = change.text;
        continue;
      }
      out.push({ from: change.at, to: change.at, insert: change.text, change });
    } else out.push({ from: change.from, to: change.to, insert: "", change });
  }
  return out;
}

export type WordSuggestionsResult = {
  created: Suggestion[];
  /** The Word paragraphs whose changes could not be placed in the draft (their text, shortened). */
  unmatched: string[];
};

/**
 * Writes each tracked change of the Word paragraphs that match the draft's paragraphs as a
 * pending suggestion by `author` (the person who uploaded the file: never the name Word
 * recorded, which is kept as the suggestion's source). One Yjs transaction.
 */
export function suggestionsFromWord(
  doc: Y.Doc,
  paragraphs: TrackedParagraph[],
  author: { id: string; name: string },
  now = new Date(),
): WordSuggestionsResult {
  const own = paragraphsOf(doc);
  const created: Suggestion[] = [];
  const unmatched: string[] = [];
  doc.transact(() => {
    for (const tracked of paragraphs) {
      const found = match(own, tracked.base);
      const wordings = found ? wordingsOf(tracked.changes) : [];
      if (!found || wordings.some((w) => w.from < found.offset)) {
        unmatched.push(shorten(tracked.base || tracked.changes.map((c) => c.text).join(" ")));
        continue;
      }
      const { paragraph, offset } = found;
      for (const wording of wordings) {
        const source = { kind: "word" as const, author: wording.change.author, date: wording.change.date };
        created.push(
          addSuggestion(doc, {
            author,
            text: paragraph.text,
            from: wording.from - offset,
            to: wording.to - offset,
            insert: wording.insert,
            articleId: articleAround(paragraph.text.parent as Y.XmlElement | null),
            source,
            now,
          }),
        );
      }
    }
  });
  return { created, unmatched };
}

const shorten = (words: string) => (words.length > 120 ? `${words.slice(0, 119)}…` : words);
