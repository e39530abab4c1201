import { fromBase64, toBase64 } from "lib0/buffer";
import * as Y from "yjs";

/**
 * A quoted passage, anchored by Yjs relative positions: they name the characters, not
 * offsets, so the passage stays on the same words while anyone edits around (or inside) it.
 * Start and end may lie in different texts (paragraphs, parts, runs around a line break)
 * at any depth of the document tree.
 */
export type PassageAnchor = { start: string; end: string };

/** Any Yjs shared type (texts, elements, the fragment): Yjs types them by their event class. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type YType = Y.AbstractType<any>;

/** A point in the Yjs tree: a character index in a Y.XmlText, or a child index in an element. */
export type YPoint = { type: YType; index: number };

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

/** Anchors for the passage from `start` (its first character) to `end` (just after its last). */
export function anchorBetween(start: YPoint, end: YPoint): PassageAnchor {
  return encodeAnchor(
    // assoc 0: the start sticks to the first quoted character, so typing just before it stays outside.
    Y.createRelativePositionFromTypeIndex(start.type, start.index, 0),
    // assoc -1: the end sticks to the last quoted character, not to what is typed after it.
    Y.createRelativePositionFromTypeIndex(end.type, end.index, -1),
  );
}

/** An anchor over [start, end) of one text (a paragraph's Y.XmlText), as the tests and imports make them. */
export function anchorInText(text: Y.XmlText | Y.Text, start: number, end: number): PassageAnchor {
  return anchorBetween({ type: text, index: start }, { type: text, index: end });
}

/**
 * How an element of the Yjs tree is rendered: a node with content (an opening and a
 * closing token around its children), a leaf (one token, e.g. a line break), or not at
 * all (the editor dropped it). In the browser the editor's node mapping says it exactly;
 * without an editor (server, tests) elements are containers except line breaks.
 */
export type ElementKind = (element: Y.XmlElement) => "container" | "leaf" | "skip";

const INLINE_LEAVES = new Set(["hardBreak"]);
export const kindByName: ElementKind = (element) => (INLINE_LEAVES.has(element.nodeName) ? "leaf" : "container");
