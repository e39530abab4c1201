import * as Y from "yjs";
import { z } from "zod";
import { decodePosition, encodeAnchor, type YType } from "./anchors";

/**
 * Suggestions: wording a partner proposes in the text, kept beside the text (decision
 * "suggestions"), never in it. Each is one plain JSON value in the root map `suggestions`
 * under `<author id>:<random id>`, anchored by Yjs relative positions inside one paragraph's
 * text. The accepted text (`"default"`) never holds pending words, so versions, hashes,
 * rounds, search and exports read it unchanged.
 */
export const SUGGESTIONS_FIELD = "suggestions";
/** Editors' outcomes, read by the collab server when a suggestion leaves the map (reason of a rejection). */
export const DECISIONS_FIELD = "suggestionDecisions";

/**
 * Words in one paragraph (insert, delete, replace), a whole article, part, point or paragraph
 * (insert-node, remove-node), or a paragraph break inside a paragraph (split: its last words
 * move to a new paragraph after it).
 */
export const SUGGESTION_KINDS = ["insert", "delete", "replace", "insert-node", "remove-node", "split"] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
const STRUCTURAL_KINDS = new Set<SuggestionKind>(["insert-node", "remove-node", "split"]);
export const isStructural = (suggestion: Pick<Suggestion, "kind">) => STRUCTURAL_KINDS.has(suggestion.kind);

/** What may be added or removed as a whole. Chapters are the ministry's outline, not a partner's to move. */
export const SUGGESTED_NODE_TYPES = ["article", "part", "point"] as const;
export type SuggestedNodeType = (typeof SUGGESTED_NODE_TYPES)[number];
/** A new paragraph is suggested by pressing Enter while suggesting (never removed as a whole: its words are). */
export const NODE_TYPES = [...SUGGESTED_NODE_TYPES, "paragraph"] as const;
export type NodeType = (typeof NODE_TYPES)[number];
/** Paragraphs a suggested article, part or point may hold. */
export const MAX_SUGGESTED_PARAGRAPHS = 50;

/** The longest words one suggestion may propose or replace (a long article). */
export const MAX_SUGGESTION_CHARS = 5_000;

const position = z.string().min(1).max(400);

export const SuggestionSchema = z
  .object({
    id: z.string().min(3).max(200),
    authorId: z.string().min(1).max(100),
    authorName: z.string().max(200),
    kind: z.enum(SUGGESTION_KINDS),
    /** Where the change starts; for an insertion, the character it goes before. */
    from: position,
    /** Just after the last replaced character (equal to `from` for an insertion). */
    to: position,
    text: z.string().max(MAX_SUGGESTION_CHARS),
    quote: z.string().max(MAX_SUGGESTION_CHARS),
    articleId: z.string().max(100).nullable(),
    createdAt: z.string().datetime(),
    /**
     * A whole article, part or point: for insert-node the one proposed (its future stable id,
     * title and paragraphs; `text` is its words for reading), for remove-node the one to go
     * (its stable id; `quote` is its words). For a new paragraph (insert-node) or a split, the
     * paragraphs proposed (a paragraph has no stable id in the text: `id` only names it here;
     * a split's moved words, `quote`, go at the end of its last one). Absent for wording inside a paragraph.
     */
    node: z
      .object({
        type: z.enum(NODE_TYPES),
        id: z.string().min(1).max(100),
        title: z.string().max(1_000),
        paragraphs: z.array(z.string().max(MAX_SUGGESTION_CHARS)).max(MAX_SUGGESTED_PARAGRAPHS),
      })
      .strict()
      .optional(),
    /** Where the suggestion came from when it was not typed here: the author and time a Word file named. */
    source: z
      .object({ kind: z.literal("word"), author: z.string().max(200), date: z.string().max(40).nullable() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((s) => STRUCTURAL_KINDS.has(s.kind) === (s.node !== undefined), "inconsistent kind")
  .refine(
    (s) =>
      s.kind === "insert-node"
        ? // A new paragraph may still be empty: Enter was pressed, the words are being typed.
          (s.text !== "" || s.node!.type === "paragraph") && s.quote === "" && s.node!.paragraphs.length > 0
        : s.kind === "split"
          ? s.quote !== "" && s.node!.type === "paragraph" && s.node!.paragraphs.length > 0
          : s.kind === "remove-node"
            ? s.text === "" && s.node!.type !== "paragraph"
            : s.kind === "delete"
              ? s.text === "" && s.quote !== ""
              : s.text !== "" && (s.kind === "insert" ? s.quote === "" : s.quote !== ""),
    "inconsistent kind",
  );

export type Suggestion = z.infer<typeof SuggestionSchema>;

export const DecisionSchema = z
  .object({ outcome: z.enum(["ACCEPTED", "REJECTED"]), reason: z.string().max(2_000).nullable() })
  .strict();
export type SuggestionDecision = z.infer<typeof DecisionSchema>;

/** Keys of one person's suggestions start with their id: the server checks it on every update. */
export const keyPrefixOf = (userId: string) => `${userId}:`;

export function suggestionsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SUGGESTIONS_FIELD);
}

export function decisionsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DECISIONS_FIELD);
}

export function parseSuggestion(value: unknown): Suggestion | null {
  const parsed = SuggestionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Every well-formed suggestion of the document (a damaged entry is skipped, never shown half). */
export function listSuggestions(doc: Y.Doc): Suggestion[] {
  const found: Suggestion[] = [];
  for (const [key, value] of suggestionsOf(doc).entries()) {
    const suggestion = parseSuggestion(value);
    if (suggestion && suggestion.id === key) found.push(suggestion);
  }
  return found;
}

/** The random part of a suggestion's key. */
export function randomId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export type NewSuggestion = {
  author: { id: string; name: string };
  /** The paragraph's text the change is in, and the range it covers there ([at, at) for an insertion). */
  text: Y.XmlText;
  from: number;
  to: number;
  insert: string;
  articleId: string | null;
  /** Where it came from when not typed here (a Word file's tracked change). */
  source?: Suggestion["source"];
  now?: Date;
};

type Wording = Pick<NewSuggestion, "text" | "from" | "to" | "insert">;

/** Kind, anchors and quoted words of a change of [from, to) into `insert` in one paragraph's text. */
function wordingOf(input: Wording): Pick<Suggestion, "kind" | "from" | "to" | "text" | "quote"> {
  const quote = input.text.toString().slice(input.from, input.to);
  const kind: SuggestionKind = quote === "" ? "insert" : input.insert === "" ? "delete" : "replace";
  const anchor = encodeAnchor(
    Y.createRelativePositionFromTypeIndex(input.text, input.from, 0),
    Y.createRelativePositionFromTypeIndex(input.text, input.to, kind === "insert" ? 0 : -1),
  );
  return { kind, from: anchor.start, to: anchor.end, text: input.insert, quote };
}

/** Adds a suggestion (the only kind of write a suggester's connection may make besides withdrawing). */
export function addSuggestion(doc: Y.Doc, input: NewSuggestion): Suggestion {
  const id = keyPrefixOf(input.author.id) + randomId();
  const suggestion: Suggestion = {
    id,
    authorId: input.author.id,
    authorName: input.author.name,
    ...wordingOf(input),
    articleId: input.articleId,
    createdAt: (input.now ?? new Date()).toISOString(),
    ...(input.source ? { source: input.source } : {}),
  };
  suggestionsOf(doc).set(suggestion.id, suggestion);
  return suggestion;
}

/**
 * The author goes on typing (or deleting) in the same run: the entry grows in place, same key,
 * same time, so a word is one suggestion rather than one per keystroke. The server lets a
 * person replace only the values under their own keys. An insertion typed away to nothing is
 * withdrawn. Returns the entry as it is now (null: withdrawn).
 */
export function reviseSuggestion(doc: Y.Doc, suggestion: Suggestion, wording: Wording): Suggestion | null {
  if (wording.insert === "" && wording.to <= wording.from) {
    withdrawSuggestion(doc, suggestion.id);
    return null;
  }
  const revised: Suggestion = { ...suggestion, ...wordingOf(wording) };
  suggestionsOf(doc).set(revised.id, revised);
  return revised;
}

/** The author takes their own suggestion back. */
export function withdrawSuggestion(doc: Y.Doc, id: string): void {
  suggestionsOf(doc).delete(id);
}

const plainWords = (text: Y.XmlText) => {
  let out = "";
  for (const op of text.toDelta() as { insert?: unknown }[]) if (typeof op.insert === "string") out += op.insert;
  return out;
};

function elementWords(element: Y.XmlElement): string {
  const parts: string[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) parts.push(plainWords(child));
    else if (child instanceof Y.XmlElement) parts.push(elementWords(child));
  }
  return parts.filter(Boolean).join(" ").slice(0, MAX_SUGGESTION_CHARS);
}

function indexIn(parent: Y.XmlElement | Y.XmlFragment, element: Y.XmlElement): number {
  return parent.toArray().indexOf(element);
}

/** The stable id of the nearest article at or around an element (null outside articles). */
export function articleAround(type: YType | null): string | null {
  for (let at = type; at instanceof Y.XmlElement; at = at.parent as YType | null)
    if (at.nodeName === "article") return (at.getAttribute("id") as string | undefined) ?? null;
  return null;
}

export type NodeRemoval = { author: { id: string; name: string }; element: Y.XmlElement; now?: Date };

/** Suggests removing a whole article, part or point: the text keeps it until an editor accepts. */
export function suggestNodeRemoval(doc: Y.Doc, input: NodeRemoval): Suggestion | null {
  const { element } = input;
  const parent = element.parent;
  const type = element.nodeName as SuggestedNodeType;
  const id = element.getAttribute("id");
  if (!SUGGESTED_NODE_TYPES.includes(type) || typeof id !== "string" || !id) return null;
  if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) return null;
  const index = indexIn(parent, element);
  if (index < 0) return null;
  // Both ends name the element's own item: it is removed, not whatever comes to stand there.
  const anchor = encodeAnchor(
    Y.createRelativePositionFromTypeIndex(parent, index, 0),
    Y.createRelativePositionFromTypeIndex(parent, index + 1, -1),
  );
  const suggestion: Suggestion = {
    id: keyPrefixOf(input.author.id) + randomId(),
    authorId: input.author.id,
    authorName: input.author.name,
    kind: "remove-node",
    from: anchor.start,
    to: anchor.end,
    text: "",
    quote: elementWords(element),
    articleId: articleAround(element),
    createdAt: (input.now ?? new Date()).toISOString(),
    node: { type, id, title: "", paragraphs: [] },
  };
  suggestionsOf(doc).set(suggestion.id, suggestion);
  return suggestion;
}

export type NodeInsertion = {
  author: { id: string; name: string };
  /** Where the new one goes: a child index of an article (a part), a part (a point) or the document (an article). */
  parent: Y.XmlElement | Y.XmlFragment;
  index: number;
  type: SuggestedNodeType;
  /** An article's title (ignored for parts and points). */
  title: string;
  paragraphs: string[];
  nodeId: string;
  source?: Suggestion["source"];
  now?: Date;
};

/** Suggests a new article, part or point at a place of the accepted text. */
export function suggestNodeInsertion(doc: Y.Doc, input: NodeInsertion): Suggestion | null {
  const paragraphs = input.paragraphs.map((p) => p.trim()).filter(Boolean);
  const title = input.type === "article" ? input.title.trim() : "";
  if (paragraphs.length === 0) return null;
  // assoc -1: the place sticks to the node the new one follows (or to the start of its parent).
  const place = Y.createRelativePositionFromTypeIndex(input.parent, input.index, -1);
  const encoded = encodeAnchor(place, place).start;
  const previous = input.index > 0 ? input.parent.get(input.index - 1) : null;
  const suggestion: Suggestion = {
    id: keyPrefixOf(input.author.id) + randomId(),
    authorId: input.author.id,
    authorName: input.author.name,
    kind: "insert-node",
    from: encoded,
    to: encoded,
    text: [title, ...paragraphs].filter(Boolean).join(" ").slice(0, MAX_SUGGESTION_CHARS),
    quote: "",
    articleId:
      input.parent instanceof Y.XmlElement
        ? articleAround(input.parent)
        : previous instanceof Y.XmlElement
          ? articleAround(previous)
          : null,
    createdAt: (input.now ?? new Date()).toISOString(),
    node: { type: input.type, id: input.nodeId, title, paragraphs },
    ...(input.source ? { source: input.source } : {}),
  };
  suggestionsOf(doc).set(suggestion.id, suggestion);
  return suggestion;
}

export type ResolvedSuggestion = {
  suggestion: Suggestion;
  /** The paragraph's text and the range the suggestion covers there now; null when it cannot apply (or is structural). */
  place: { text: Y.XmlText; from: number; to: number } | null;
  /**
   * For a whole article, part or point: the parent and child index it applies at now (for a
   * removal, the element itself). Absent for wording; null when it cannot apply.
   */
  node?: { parent: Y.XmlElement | Y.XmlFragment; index: number; element: Y.XmlElement | null } | null;
};

function absolute(doc: Y.Doc, encoded: string): { type: Y.AbstractType<unknown>; index: number } | null {
  const relative = decodePosition(encoded);
  if (!relative) return null;
  const absolutePosition = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  return absolutePosition
    ? { type: absolutePosition.type as Y.AbstractType<unknown>, index: absolutePosition.index }
    : null;
}

function anchoredCharacterDeleted(doc: Y.Doc, encoded: string): boolean {
  const relative = decodePosition(encoded);
  if (!relative?.item) return false;
  const found = doc.store.clients.get(relative.item.client);
  if (!found) return true;
  const struct = found[Y.findIndexSS(found, relative.item.clock)];
  return !(struct instanceof Y.Item) || struct.deleted;
}

/**
 * Where a suggestion applies now. It is "no longer applicable" (place null) when its paragraph
 * is gone, its ends now lie in different texts, the words it replaces are no longer exactly
 * there (deleted or changed meanwhile), or the character an insertion was anchored to was deleted.
 */
export function resolveSuggestion(doc: Y.Doc, suggestion: Suggestion): ResolvedSuggestion {
  if (isStructural(suggestion)) return resolveStructural(doc, suggestion);
  const start = absolute(doc, suggestion.from);
  const end = absolute(doc, suggestion.to);
  const notApplicable = { suggestion, place: null };
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return notApplicable;
  const text = start.type;
  if (text._item?.deleted || (text.parent as Y.AbstractType<unknown> | null)?._item?.deleted) return notApplicable;
  if (suggestion.kind === "insert") {
    if (anchoredCharacterDeleted(doc, suggestion.from)) return notApplicable;
    return { suggestion, place: { text, from: start.index, to: start.index } };
  }
  const words = text.toString().slice(start.index, end.index);
  if (end.index < start.index || words !== suggestion.quote) return notApplicable;
  return { suggestion, place: { text, from: start.index, to: end.index } };
}

function removedAncestor(type: YType): boolean {
  for (let at: YType | null = type; at; at = at.parent as YType | null) if (at._item?.deleted) return true;
  return false;
}

/**
 * A removal applies while its element is still there (same item, same stable id); an insertion
 * while its parent is there and the node it was to follow was not removed meanwhile.
 */
function resolveStructural(doc: Y.Doc, suggestion: Suggestion): ResolvedSuggestion {
  const notApplicable: ResolvedSuggestion = { suggestion, place: null, node: null };
  if (suggestion.kind === "split") return resolveSplit(doc, suggestion);
  const relative = decodePosition(suggestion.from);
  const start = absolute(doc, suggestion.from);
  if (!relative || !start) return notApplicable;
  const parent = start.type;
  if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment) || removedAncestor(parent))
    return notApplicable;
  if (suggestion.kind === "insert-node") {
    if (anchoredCharacterDeleted(doc, suggestion.from)) return notApplicable;
    return { suggestion, place: null, node: { parent, index: start.index, element: null } };
  }
  if (anchoredCharacterDeleted(doc, suggestion.from)) return notApplicable;
  const element = parent.get(start.index);
  if (!(element instanceof Y.XmlElement) || element.getAttribute("id") !== suggestion.node?.id) return notApplicable;
  return { suggestion, place: null, node: { parent, index: start.index, element } };
}

/**
 * A split applies while the words it moves are still exactly at the end of their paragraph's
 * range (as a deletion's do) and that paragraph is in the text: the new one goes right after it.
 */
function resolveSplit(doc: Y.Doc, suggestion: Suggestion): ResolvedSuggestion {
  const notApplicable: ResolvedSuggestion = { suggestion, place: null, node: null };
  const start = absolute(doc, suggestion.from);
  const end = absolute(doc, suggestion.to);
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return notApplicable;
  const text = start.type;
  const paragraph = text.parent;
  if (!(paragraph instanceof Y.XmlElement) || removedAncestor(text)) return notApplicable;
  const parent = paragraph.parent;
  if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) return notApplicable;
  // Plain words (formatting is not part of them), as the split's quote was taken.
  if (end.index < start.index || plainWords(text).slice(start.index, end.index) !== suggestion.quote)
    return notApplicable;
  return {
    suggestion,
    place: { text, from: start.index, to: end.index },
    node: { parent, index: indexIn(parent, paragraph) + 1, element: null },
  };
}

type Wrap = (words: string) => string;
const asIs: Wrap = (words) => words;

/** The Yjs element of a suggested article, part or point (ids stay as proposed). */
function buildNode(node: NonNullable<Suggestion["node"]>, wrap: Wrap): Y.XmlElement {
  const element = new Y.XmlElement(node.type);
  element.setAttribute("id", node.id);
  const children: Y.XmlElement[] = [];
  if (node.type === "article") children.push(textElement("articleTitle", wrap(node.title)));
  for (const words of node.paragraphs) children.push(textElement("paragraph", wrap(words)));
  element.insert(0, children);
  return element;
}

function textElement(name: string, words: string): Y.XmlElement {
  const element = new Y.XmlElement(name);
  const text = new Y.XmlText();
  if (words) text.insert(0, words);
  element.insert(0, [text]);
  return element;
}

/** The paragraphs of a suggested new paragraph or split (a split's moved words end the last one). */
function newParagraphs(suggestion: Suggestion): Y.XmlElement[] {
  const words = [...suggestion.node!.paragraphs];
  if (suggestion.kind === "split") words[words.length - 1] += suggestion.quote;
  return words.map((w) => textElement("paragraph", w));
}

/**
 * The elements an insert-node suggestion would put into the text, each text passed through
 * `wrap` (the DOCX export marks them as tracked insertions in a copy of the document).
 */
export function suggestedElements(suggestion: Suggestion, wrap: Wrap = asIs): Y.XmlElement[] {
  const node = suggestion.node!;
  if (node.type !== "paragraph") return [buildNode(node, wrap)];
  return node.paragraphs.map((words) => textElement("paragraph", wrap(words)));
}

/** Applies an accepted structural suggestion to the text (inside the accepting transaction). */
function applyStructural(resolved: ResolvedSuggestion, suggestion: Suggestion): void {
  const node = resolved.node!;
  if (suggestion.kind === "remove-node") return node.parent.delete(node.index, 1);
  if (suggestion.node!.type !== "paragraph") return node.parent.insert(node.index, suggestedElements(suggestion));
  // The moved words leave their paragraph first (a split), then the new paragraphs follow it.
  const { place } = resolved;
  if (suggestion.kind === "split" && place) place.text.delete(place.from, place.to - place.from);
  node.parent.insert(node.index, newParagraphs(suggestion));
}

/**
 * An editor accepts: the words land in the text and the entry leaves the map, in one
 * transaction (the collab server records the outcome with the editor as decider).
 * Returns false, changing nothing, when the suggestion is missing or no longer applicable.
 */
export function acceptSuggestion(doc: Y.Doc, id: string): boolean {
  const suggestion = parseSuggestion(suggestionsOf(doc).get(id));
  if (!suggestion) return false;
  const resolved = resolveSuggestion(doc, suggestion);
  const { place, node } = resolved;
  if (node) {
    doc.transact(() => {
      applyStructural(resolved, suggestion);
      decisionsOf(doc).set(id, { outcome: "ACCEPTED", reason: null } satisfies SuggestionDecision);
      suggestionsOf(doc).delete(id);
    });
    return true;
  }
  if (!place) return false;
  doc.transact(() => {
    if (place.to > place.from) place.text.delete(place.from, place.to - place.from);
    if (suggestion.text) place.text.insert(place.from, suggestion.text);
    decisionsOf(doc).set(id, { outcome: "ACCEPTED", reason: null } satisfies SuggestionDecision);
    suggestionsOf(doc).delete(id);
  });
  return true;
}

/** An editor rejects, with an optional reason kept on record. */
export function rejectSuggestion(doc: Y.Doc, id: string, reason: string | null): boolean {
  if (!suggestionsOf(doc).has(id)) return false;
  const trimmed = reason?.trim() ? reason.trim().slice(0, 2_000) : null;
  doc.transact(() => {
    decisionsOf(doc).set(id, { outcome: "REJECTED", reason: trimmed } satisfies SuggestionDecision);
    suggestionsOf(doc).delete(id);
  });
  return true;
}

/** Open suggestions in text order (not applicable ones last, by time), for the side panel and keyboard. */
export function suggestionsInTextOrder(doc: Y.Doc, textStart: (text: Y.XmlText) => number): ResolvedSuggestion[] {
  const resolved = listSuggestions(doc).map((s) => resolveSuggestion(doc, s));
  const at = (r: ResolvedSuggestion) => (r.place ? textStart(r.place.text) + r.place.from : Number.POSITIVE_INFINITY);
  return resolved.sort((a, b) => at(a) - at(b) || a.suggestion.createdAt.localeCompare(b.suggestion.createdAt));
}
