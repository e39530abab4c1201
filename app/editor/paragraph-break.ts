import * as Y from "yjs";
import { encodeAnchor } from "./anchors";
import { newNodeId } from "./stable-ids";
import {
  articleAround,
  keyPrefixOf,
  MAX_SUGGESTED_PARAGRAPHS,
  MAX_SUGGESTION_CHARS,
  randomId,
  suggestionsOf,
  withdrawSuggestion,
  type Suggestion,
} from "./suggestions";

/**
 * Enter while suggesting: a paragraph break proposed, never made. At the end of a paragraph it
 * is a new paragraph after it (insert-node); inside one, a split (its last words would move to
 * a new paragraph after it). Either is one entry of the suggestions map under the author's own
 * key, so the collab server's gate needs nothing new: the accepted text is not touched until an
 * editor accepts. What the author types next grows the same entry (its new paragraphs).
 */
export type ParagraphBreak = {
  author: { id: string; name: string };
  /** The paragraph (or title) the caret is in, and the caret's offset in its words. */
  block: Y.XmlElement;
  at: number;
  now?: Date;
};

/** The block's words when they are one run of text (an empty block has none); null when it holds more (a line break). */
function singleText(block: Y.XmlElement): { text: Y.XmlText | null; words: string } | null {
  const children = block.toArray();
  if (children.length === 0) return { text: null, words: "" };
  const [only] = children;
  if (children.length > 1 || !(only instanceof Y.XmlText)) return null;
  let words = "";
  for (const op of only.toDelta() as { insert?: unknown }[]) {
    if (typeof op.insert !== "string") return null;
    words += op.insert;
  }
  return { text: only, words };
}

/** The words a new paragraph or split proposes, for reading (a split's moved words end its last paragraph). */
function wordsOf(kind: "insert-node" | "split", paragraphs: string[], moved: string): string {
  const all = [...paragraphs];
  if (kind === "split") all[all.length - 1] += moved;
  return all.filter(Boolean).join(" ").slice(0, MAX_SUGGESTION_CHARS);
}

/** Suggests a paragraph break at `at` in `block`; null when it cannot be one (the block holds a line break). */
export function suggestParagraphBreak(doc: Y.Doc, input: ParagraphBreak): Suggestion | null {
  const { block, at } = input;
  const parent = block.parent;
  const found = singleText(block);
  if (!found || !(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) return null;
  const { text, words } = found;
  const common = {
    id: keyPrefixOf(input.author.id) + randomId(),
    authorId: input.author.id,
    authorName: input.author.name,
    articleId: articleAround(block),
    createdAt: (input.now ?? new Date()).toISOString(),
  };
  const node = { type: "paragraph" as const, id: newNodeId(), title: "", paragraphs: [""] };
  let suggestion: Suggestion;
  if (!text || at >= words.length) {
    // assoc -1: the new paragraph sticks to the one it follows.
    const place = Y.createRelativePositionFromTypeIndex(parent, parent.toArray().indexOf(block) + 1, -1);
    const encoded = encodeAnchor(place, place).start;
    suggestion = { ...common, kind: "insert-node", from: encoded, to: encoded, text: "", quote: "", node };
  } else {
    const moved = words.slice(at);
    const anchor = encodeAnchor(
      Y.createRelativePositionFromTypeIndex(text, at, 0),
      Y.createRelativePositionFromTypeIndex(text, words.length, -1),
    );
    suggestion = {
      ...common,
      kind: "split",
      from: anchor.start,
      to: anchor.end,
      text: wordsOf("split", node.paragraphs, moved),
      quote: moved,
      node,
    };
  }
  suggestionsOf(doc).set(suggestion.id, suggestion);
  return suggestion;
}

/** The author's next key in their new paragraph: the entry's value replaced under the same key (same id and time). */
function revise(doc: Y.Doc, suggestion: Suggestion, paragraphs: string[]): Suggestion | null {
  if (suggestion.kind !== "insert-node" && suggestion.kind !== "split") return null;
  if (paragraphs.length > MAX_SUGGESTED_PARAGRAPHS || paragraphs.some((p) => p.length > MAX_SUGGESTION_CHARS))
    return null;
  const revised: Suggestion = {
    ...suggestion,
    text: wordsOf(suggestion.kind, paragraphs, suggestion.quote),
    node: { ...suggestion.node!, paragraphs },
  };
  suggestionsOf(doc).set(revised.id, revised);
  return revised;
}

const paragraphsOf = (suggestion: Suggestion) => [...(suggestion.node?.paragraphs ?? [""])];

/** Typed words go at the end of the new paragraph being written. Null: refused (too long). */
export function typeIntoBreak(doc: Y.Doc, suggestion: Suggestion, typed: string): Suggestion | null {
  const paragraphs = paragraphsOf(suggestion);
  paragraphs[paragraphs.length - 1] += typed;
  return revise(doc, suggestion, paragraphs);
}

/** Enter again: one more new paragraph in the same suggestion. Null: refused (too many). */
export function breakAgain(doc: Y.Doc, suggestion: Suggestion): Suggestion | null {
  return revise(doc, suggestion, [...paragraphsOf(suggestion), ""]);
}

/**
 * Backspace in the new paragraph: its last letter goes; at its start the break goes (the
 * paragraph before it, or the whole suggestion: withdrawn, as a normal editor joins the two
 * paragraphs again). Returns the entry as it is now, null when withdrawn.
 */
export function backspaceInBreak(doc: Y.Doc, suggestion: Suggestion): Suggestion | null {
  const paragraphs = paragraphsOf(suggestion);
  const last = paragraphs[paragraphs.length - 1]!;
  if (last) paragraphs[paragraphs.length - 1] = Array.from(last).slice(0, -1).join("");
  else if (paragraphs.length > 1) paragraphs.pop();
  else {
    withdrawSuggestion(doc, suggestion.id);
    return null;
  }
  return revise(doc, suggestion, paragraphs);
}
