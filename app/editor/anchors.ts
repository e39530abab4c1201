import { fromBase64, toBase64 } from "lib0/buffer";
import * as Y from "yjs";

/**
 * A quoted passage, anchored by Yjs relative positions: they name the characters, not
 * offsets, so the passage stays on the same words while anyone edits around (or inside) it.
 */
export type PassageAnchor = { start: string; end: string };

export function encodeAnchor(start: Y.RelativePosition, end: Y.RelativePosition): PassageAnchor {
  return { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)) };
}

export function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

/** An anchor over [start, end) of one text (a paragraph's Y.XmlText), as the tests and imports make them. */
export function anchorInText(text: Y.XmlText | Y.Text, start: number, end: number): PassageAnchor {
  return encodeAnchor(
    Y.createRelativePositionFromTypeIndex(text, start),
    // assoc -1: the end sticks to the last quoted character, not to what is typed after it.
    Y.createRelativePositionFromTypeIndex(text, end, -1),
  );
}

export type ResolvedPassage = { text: Y.XmlText | Y.Text; start: number; end: number; quote: string };

/**
 * Where the passage is now, or null when its words are gone (deleted, or the anchor no
 * longer resolves: y-prosemirror#204, garbage collection). Callers fall back to the article.
 */
export function resolvePassage(doc: Y.Doc, anchor: PassageAnchor): ResolvedPassage | null {
  try {
    return resolve(doc, anchor);
  } catch {
    // A malformed anchor (it came from a client) must not break the page.
    return null;
  }
}

function resolve(doc: Y.Doc, anchor: PassageAnchor): ResolvedPassage | null {
  const startPosition = decodePosition(anchor.start);
  const endPosition = decodePosition(anchor.end);
  if (!startPosition || !endPosition) return null;
  const start = Y.createAbsolutePositionFromRelativePosition(startPosition, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(endPosition, doc);
  if (!start || !end || start.type !== end.type || end.index <= start.index) return null;
  const text = start.type as Y.XmlText | Y.Text;
  if (!(text instanceof Y.XmlText || text instanceof Y.Text)) return null;
  const plain = text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : ""))
    .join("");
  return { text, start: start.index, end: end.index, quote: plain.slice(start.index, end.index) };
}
