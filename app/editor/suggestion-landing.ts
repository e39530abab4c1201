import * as Y from "yjs";
import { anchorInText, decodePosition, type PassageAnchor, type YType } from "./anchors";
import { DOCUMENT_FIELD } from "./document-field";
import type { Suggestion } from "./suggestions";

/**
 * Where a decided suggestion landed, so the draft's history can link to it: for an accepted
 * one the words it put into the text (a point where it deleted), for a rejected or withdrawn
 * one the words it proposed to change. Computed by the collab server right after the
 * transaction that removed the entry, from the document alone.
 */
export function landingOf(doc: Y.Doc, suggestion: Suggestion, accepted: boolean): PassageAnchor | null {
  if (suggestion.node?.type === "paragraph") return paragraphLanding(doc, suggestion, accepted);
  if (suggestion.node) {
    // A whole article, part or point: it lands where the node is in the text, if it is there
    // (an accepted insertion, a rejected removal); an accepted removal or rejected insertion left none.
    const present = accepted === (suggestion.kind === "insert-node");
    return present ? nodeLanding(doc, suggestion.node.id) : null;
  }
  if (!accepted) return { start: suggestion.from, end: suggestion.to };
  const relative = decodePosition(suggestion.from);
  const position = relative ? Y.createAbsolutePositionFromRelativePosition(relative, doc) : null;
  if (!position || !(position.type instanceof Y.XmlText)) return null;
  const text = position.type;
  const words = text.toString();
  const at = position.index;
  const length = suggestion.text.length;
  if (length === 0) return anchorInText(text, at, at);
  // `from` named the first replaced character (now deleted) or the one an insertion went before:
  // the accepted words sit just after or just before that point.
  if (words.slice(at, at + length) === suggestion.text) return anchorInText(text, at, at + length);
  if (at >= length && words.slice(at - length, at) === suggestion.text) return anchorInText(text, at - length, at);
  return null;
}

/**
 * A new paragraph (Enter while suggesting) has no stable id: an accepted one landed right after
 * the paragraph it followed (for a split, the one its words moved out of); a rejected split
 * proposed to move its words, a rejected new paragraph left nothing.
 */
function paragraphLanding(doc: Y.Doc, suggestion: Suggestion, accepted: boolean): PassageAnchor | null {
  if (!accepted) return suggestion.kind === "split" ? { start: suggestion.from, end: suggestion.to } : null;
  const relative = decodePosition(suggestion.from);
  const position = relative ? Y.createAbsolutePositionFromRelativePosition(relative, doc) : null;
  if (!position) return null;
  let parent = containerOf(doc, position.type);
  let index = position.index;
  if (suggestion.kind === "split") {
    const paragraph = position.type.parent;
    parent = containerOf(doc, paragraph?.parent ?? null);
    if (!(paragraph instanceof Y.XmlElement) || !parent) return null;
    index = parent.toArray().indexOf(paragraph) + 1;
  }
  const element = parent?.get(index);
  const text = element instanceof Y.XmlElement ? firstText(element) : null;
  return text ? anchorInText(text, 0, text.length) : null;
}

/** A type that holds paragraphs: an element, or the document's root (which the collab server knows only untyped). */
function containerOf(doc: Y.Doc, type: YType | null): Y.XmlElement | Y.XmlFragment | null {
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) return type;
  return type && type === doc.share.get(DOCUMENT_FIELD) ? doc.getXmlFragment(DOCUMENT_FIELD) : null;
}

/** The first words of the element with this stable id, as a landing. */
function nodeLanding(doc: Y.Doc, id: string): PassageAnchor | null {
  const element = findElement(doc.getXmlFragment(DOCUMENT_FIELD), id);
  const text = element ? firstText(element) : null;
  return text ? anchorInText(text, 0, text.length) : null;
}

function findElement(parent: Y.XmlFragment | Y.XmlElement, id: string): Y.XmlElement | null {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.getAttribute("id") === id) return child;
    const found = findElement(child, id);
    if (found) return found;
  }
  return null;
}

function firstText(element: Y.XmlElement): Y.XmlText | null {
  let empty: Y.XmlText | null = null;
  for (const child of element.toArray()) {
    const text = child instanceof Y.XmlText ? child : child instanceof Y.XmlElement ? firstText(child) : null;
    if (text && text.length > 0) return text;
    empty ??= text;
  }
  return empty;
}

/** The article of a text (its nearest `article` ancestor's stable id). */
function articleOf(text: Y.XmlText): string | null {
  let parent = text.parent as Y.AbstractType<unknown> | null;
  while (parent instanceof Y.XmlElement) {
    if (parent.nodeName === "article") return (parent.getAttribute("id") as string | undefined) ?? null;
    parent = parent.parent as Y.AbstractType<unknown> | null;
  }
  return null;
}

function removed(type: YType): boolean {
  for (let at: YType | null = type; at; at = at.parent as YType | null) if (at._item?.deleted) return true;
  return false;
}

function characterGone(doc: Y.Doc, encoded: string): boolean {
  const relative = decodePosition(encoded);
  if (!relative?.item) return false;
  const list = doc.store.clients.get(relative.item.client);
  if (!list) return true;
  const struct = list[Y.findIndexSS(list, relative.item.clock)];
  return !(struct instanceof Y.Item) || struct.deleted;
}

/**
 * Where a landing is in the text as it is now: its article (null outside articles), or null
 * when it is no longer in the text (its words or its paragraph were deleted since).
 */
export function whereItIsNow(doc: Y.Doc, landing: PassageAnchor): { articleId: string | null } | null {
  const start = decodePosition(landing.start);
  const end = decodePosition(landing.end);
  if (!start || !end) return null;
  const from = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const to = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!from || !to || from.type !== to.type || !(from.type instanceof Y.XmlText)) return null;
  if (removed(from.type) || to.index < from.index) return null;
  if (characterGone(doc, landing.start) || (to.index > from.index && characterGone(doc, landing.end))) return null;
  return { articleId: articleOf(from.type) };
}
