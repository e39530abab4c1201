import * as Y from "yjs";
import {
  anchorBetween,
  decodePosition,
  kindByName,
  type ElementKind,
  type PassageAnchor,
  type YPoint,
  type YType,
} from "./anchors";
import { DOCUMENT_FIELD } from "./document-field";

export type ResolvedPassage = {
  /** From the first quoted character to just after the last, in ProseMirror positions. */
  from: number;
  to: number;
  /** The words there now (paragraphs joined by a space, line breaks kept). */
  quote: string;
  /** Stable id of the article that now contains the first quoted character; null outside articles. */
  articleId: string | null;
  /** True when the anchors alone had lost part of the words and the saved quote found them (a split). */
  recovered: boolean;
};

type Segment = {
  text: Y.XmlText;
  from: number;
  to: number;
  str: string;
  /** The element the text is in: texts of one paragraph around a line break share it. */
  block: YType;
  articleId: string | null;
};
type Span = { contentFrom: number; contentTo: number; childStarts: number[] };

/** What the thread saved when it was written: its quote and article, to find words y-prosemirror re-created. */
export type PassageHints = { quote?: string | null; articleId?: string | null };

/** Fewer non-blank characters than this are not looked for in a whole article: they could be found by chance. */
const MIN_SEARCHED = 8;

const squash = (text: string) => text.replace(/\s+/g, "");

/**
 * The live text of a Y.XmlFragment, laid out as ProseMirror lays it out (a text character
 * is one position, an element an opening and a closing one), so that Yjs points map to
 * editor positions and back. Built once per resolution pass; cheap next to a render.
 */
export class PassageMap {
  private readonly segments: Segment[] = [];
  private readonly spans = new Map<YType, Span>();

  constructor(
    readonly doc: Y.Doc,
    readonly fragment: Y.XmlFragment = doc.getXmlFragment(DOCUMENT_FIELD),
    private readonly kind: ElementKind = kindByName,
  ) {
    this.visit(fragment, null, 0);
  }

  private visit(parent: YType, articleId: string | null, contentFrom: number): number {
    let pos = contentFrom;
    const childStarts: number[] = [];
    for (let item = parent._start; item; item = item.right) {
      if (item.deleted || !item.countable || !(item.content instanceof Y.ContentType)) continue;
      const child = item.content.type;
      childStarts.push(pos);
      if (child instanceof Y.XmlText) {
        const str = plainText(child);
        this.spans.set(child, { contentFrom: pos, contentTo: pos + str.length, childStarts: [] });
        this.segments.push({ text: child, from: pos, to: pos + str.length, str, block: parent, articleId });
        pos += str.length;
      } else if (child instanceof Y.XmlElement) {
        const kind = this.kind(child);
        if (kind === "leaf") {
          this.spans.set(child, { contentFrom: pos, contentTo: pos, childStarts: [] });
          pos += 1;
        } else if (kind === "container") {
          const id = child.nodeName === "article" ? child.getAttribute("id") : undefined;
          pos = this.visit(child, typeof id === "string" && id ? id : articleId, pos + 1) + 1;
        }
      }
    }
    this.spans.set(parent, { contentFrom, contentTo: pos, childStarts });
    return pos;
  }

  /** The editor position of a Yjs point; a point inside deleted content is where that content was. */
  positionOf(point: YPoint): number | null {
    let { type, index } = point;
    for (let current = point.type; current !== this.fragment; ) {
      const item = current._item;
      const parent = item?.parent;
      if (!item || !(parent instanceof Y.AbstractType)) return null; // not in this document's text
      if (item.deleted) {
        // The outermost deleted ancestor wins: the point is where that node used to be.
        type = parent;
        index = liveIndexOf(item);
      }
      current = parent;
    }
    const span = this.spans.get(type);
    if (!span) return null; // in an element the editor does not render
    if (type instanceof Y.XmlText) return Math.min(span.contentFrom + index, span.contentTo);
    return span.childStarts[index] ?? span.contentTo;
  }

  /** The Yjs point of an editor position inside text: before a character (start) or after one (end). */
  pointAt(position: number, side: "start" | "end"): YPoint | null {
    for (const segment of this.segments) {
      const inside =
        side === "start"
          ? position >= segment.from && position < segment.to
          : position > segment.from && position <= segment.to;
      if (inside) return { type: segment.text, index: position - segment.from };
    }
    return null;
  }

  /** Anchors for the text between two editor positions, trimmed to its first and last character. */
  anchorFor(from: number, to: number): { anchor: PassageAnchor; from: number; to: number; quote: string } | null {
    const inRange = this.segments.filter((s) => s.to > from && s.from < to && s.to > s.from);
    const first = inRange[0];
    const last = inRange[inRange.length - 1];
    if (!first || !last) return null;
    const start = Math.max(from, first.from);
    const end = Math.min(to, last.to);
    const startPoint = this.pointAt(start, "start");
    const endPoint = this.pointAt(end, "end");
    if (!startPoint || !endPoint || end <= start) return null;
    return { anchor: anchorBetween(startPoint, endPoint), from: start, to: end, quote: this.textBetween(start, end) };
  }

  /** The text between two positions: paragraphs joined by a space, runs around a line break by "\n". */
  textBetween(from: number, to: number): string {
    let out = "";
    let previous: Segment | null = null;
    for (const segment of this.segments) {
      if (segment.to <= from || segment.from >= to || segment.to === segment.from) continue;
      if (previous) out += previous.block === segment.block ? "\n" : " ";
      out += segment.str.slice(Math.max(from, segment.from) - segment.from, Math.min(to, segment.to) - segment.from);
      previous = segment;
    }
    return out;
  }

  /** The article containing the first character at or after this position, null outside articles. */
  articleAt(position: number): string | null {
    return this.segments.find((s) => s.to > position && s.to > s.from)?.articleId ?? null;
  }

  /**
   * Where the passage is now, or null when its words are gone (deleted, or the anchor no
   * longer resolves: garbage-collected content, see y-prosemirror#204). Callers then fall
   * back to the thread's article. With the saved quote (and article), a passage that
   * y-prosemirror re-created elsewhere by a split or a structural edit is found again
   * (see `recover`).
   */
  resolve(anchor: PassageAnchor, hints: PassageHints = {}): ResolvedPassage | null {
    try {
      return this.resolveOrThrow(anchor, hints);
    } catch {
      // A malformed anchor (it came from a client) must not break the page.
      return null;
    }
  }

  private resolveOrThrow(anchor: PassageAnchor, { quote, articleId }: PassageHints): ResolvedPassage | null {
    const startPosition = decodePosition(anchor.start);
    const endPosition = decodePosition(anchor.end);
    if (!startPosition || !endPosition) return null;
    const start = Y.createAbsolutePositionFromRelativePosition(startPosition, this.doc);
    const end = Y.createAbsolutePositionFromRelativePosition(endPosition, this.doc);
    const from = start && this.positionOf(start);
    const to = end && this.positionOf(end);
    let range = from === null || to === null ? null : { from, to: Math.max(from, to) };
    const recovered = !quote
      ? null
      : range
        ? this.recover(range, quote)
        : articleId
          ? this.findInArticle(articleId, squash(quote))
          : null;
    range = recovered ?? range;
    if (!range) return null;
    const text = this.textBetween(range.from, range.to);
    if (squash(text) === "") return null;
    return { ...range, quote: text, articleId: this.articleAt(range.from), recovered: recovered !== null };
  }

  /**
   * y-prosemirror turns a paragraph split into "shorten this paragraph, insert a new one
   * with the rest": the rest gets new Yjs items, so an anchor inside it falls back to the
   * edge of the old paragraph (y-prosemirror#204). When the anchors now span only a
   * prefix (or suffix) of the saved quote and stop exactly at a paragraph edge, the quote
   * is followed across the split; when a split moved all the words away, they are looked
   * for (once, exactly) in the neighbouring paragraph. Whitespace is ignored.
   *
   * When an anchor no longer resolves at all, its paragraph was deleted: really, or
   * re-created by a structural edit (an article split keeps the larger half's Yjs items
   * and re-creates the other half; wrapping a paragraph in a part re-creates it). Then the
   * words are looked for in the thread's saved article, if they occur there exactly once
   * and are long enough (MIN_SEARCHED) not to be found by chance.
   */
  private recover(range: { from: number; to: number }, quote: string): { from: number; to: number } | null {
    const wanted = squash(quote);
    const found = squash(this.textBetween(range.from, range.to));
    if (!wanted || found === wanted) return null;
    if (found && this.isSegmentEnd(range.to) && wanted.startsWith(found)) {
      const chars = this.charsFrom(range.from, "forward", wanted.length);
      if (chars.text === wanted) return { from: range.from, to: chars.positions[chars.positions.length - 1]! + 1 };
    }
    if (found && this.isSegmentStart(range.from) && wanted.endsWith(found)) {
      const chars = this.charsFrom(range.to, "backward", wanted.length);
      if (chars.text === wanted) return { from: chars.positions[0]!, to: range.to };
    }
    if (!found && this.isSegmentEnd(range.from)) return this.findInNeighbour(range.from, "next", wanted);
    if (!found && this.isSegmentStart(range.from)) return this.findInNeighbour(range.from, "previous", wanted);
    return null;
  }

  private isSegmentEnd(position: number) {
    return this.segments.some((s) => s.to === position);
  }

  private isSegmentStart(position: number) {
    return this.segments.some((s) => s.from === position);
  }

  /** Up to `count` non-blank characters from a position on, with their positions, in document order. */
  private charsFrom(position: number, direction: "forward" | "backward", count: number) {
    const picked: { char: string; position: number }[] = [];
    const segments = direction === "forward" ? this.segments : [...this.segments].reverse();
    for (const segment of segments) {
      if (picked.length >= count) break;
      if (direction === "forward" ? segment.to <= position : segment.from >= position) continue;
      for (let i = 0; i < segment.str.length && picked.length < count; i++) {
        const offset = direction === "forward" ? i : segment.str.length - 1 - i;
        const at = segment.from + offset;
        if (direction === "forward" ? at < position : at >= position) continue;
        if (!/\s/.test(segment.str[offset]!)) picked.push({ char: segment.str[offset]!, position: at });
      }
    }
    if (direction === "backward") picked.reverse();
    return { text: picked.map((p) => p.char).join(""), positions: picked.map((p) => p.position) };
  }

  private findInArticle(articleId: string, wanted: string) {
    if (wanted.length < MIN_SEARCHED) return null;
    return uniqueMatch(
      this.segments.filter((s) => s.articleId === articleId),
      wanted,
    );
  }

  /** The only occurrence of the words in the paragraph right after (or before) a position. */
  private findInNeighbour(position: number, side: "next" | "previous", wanted: string) {
    const here = new Set(
      this.segments.filter((s) => (side === "next" ? s.to === position : s.from === position)).map((s) => s.block),
    );
    const neighbour =
      side === "next"
        ? this.segments.find((s) => s.from >= position && !here.has(s.block))
        : this.segments.findLast((s) => s.to <= position && !here.has(s.block));
    if (!neighbour) return null;
    return uniqueMatch(
      this.segments.filter((s) => s.block === neighbour.block),
      wanted,
    );
  }
}

/** The range of the only occurrence of `wanted` (without blanks) in these texts, ignoring blanks; null if none or several. */
function uniqueMatch(segments: Segment[], wanted: string): { from: number; to: number } | null {
  const chars: { char: string; position: number }[] = [];
  for (const segment of segments)
    for (let i = 0; i < segment.str.length; i++)
      if (!/\s/.test(segment.str[i]!)) chars.push({ char: segment.str[i]!, position: segment.from + i });
  const text = chars.map((c) => c.char).join("");
  const at = text.indexOf(wanted);
  if (!wanted || at < 0 || text.indexOf(wanted, at + 1) >= 0) return null;
  return { from: chars[at]!.position, to: chars[at + wanted.length - 1]!.position + 1 };
}

/** Where the passage is now in this document, or null when its words are gone. */
export function resolvePassage(
  doc: Y.Doc,
  anchor: PassageAnchor,
  hints: PassageHints & { fragment?: Y.XmlFragment } = {},
): ResolvedPassage | null {
  return new PassageMap(doc, hints.fragment).resolve(anchor, hints);
}

function plainText(text: Y.XmlText): string {
  let out = "";
  for (let item = text._start; item; item = item.right) {
    if (!item.deleted && item.countable && item.content instanceof Y.ContentString) out += item.content.str;
  }
  return out;
}

function liveIndexOf(item: Y.Item): number {
  let index = 0;
  for (let left = item.left; left; left = left.left) if (!left.deleted && left.countable) index += left.length;
  return index;
}
