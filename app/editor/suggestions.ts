import * as Y from "yjs";
import { z } from "zod";
import { decodePosition, encodeAnchor } from "./anchors";

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

export const SUGGESTION_KINDS = ["insert", "delete", "replace"] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

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
  })
  .strict()
  .refine((s) => (s.kind === "delete" ? s.text === "" && s.quote !== "" : s.text !== ""), "inconsistent kind")
  .refine((s) => (s.kind === "insert" ? s.quote === "" : s.quote !== ""), "inconsistent kind");

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

function randomId(): string {
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

export type ResolvedSuggestion = {
  suggestion: Suggestion;
  /** The paragraph's text and the range the suggestion covers there now; null when it cannot apply. */
  place: { text: Y.XmlText; from: number; to: number } | null;
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

/**
 * An editor accepts: the words land in the text and the entry leaves the map, in one
 * transaction (the collab server records the outcome with the editor as decider).
 * Returns false, changing nothing, when the suggestion is missing or no longer applicable.
 */
export function acceptSuggestion(doc: Y.Doc, id: string): boolean {
  const suggestion = parseSuggestion(suggestionsOf(doc).get(id));
  if (!suggestion) return false;
  const { place } = resolveSuggestion(doc, suggestion);
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
