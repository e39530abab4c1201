import type { PassageAnchor } from "~/editor/anchors";
import type { Suggestion } from "~/editor/suggestions";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

export type OutcomeKind = "ACCEPTED" | "REJECTED" | "WITHDRAWN";

export type SuggestionOutcomeInput = {
  draftId: string;
  suggestion: Suggestion;
  /** The person behind the connection that removed the suggestion (never read from the document). */
  decider: { id: string; name: string };
  outcome: OutcomeKind;
  reason: string | null;
  /** Where it landed in the text (see editor/suggestion-landing.ts); null when it could not be found. */
  landing?: PassageAnchor | null;
  at?: Date;
};

export const OUTCOME_ACTIONS: Record<OutcomeKind, string> = {
  ACCEPTED: "suggestion.accept",
  REJECTED: "suggestion.reject",
  WITHDRAWN: "suggestion.withdraw",
};

/**
 * Records what became of a suggestion, with its audit event, in one transaction. Called by
 * the collab server when a suggestion leaves a draft's document; recording one twice (a
 * retried write, a reloaded room) keeps the first record.
 */
export async function recordSuggestionOutcome(input: SuggestionOutcomeInput): Promise<void> {
  const { draftId, suggestion, decider, outcome } = input;
  await db().$transaction(async (tx) => {
    const existing = await tx.suggestionOutcome.findUnique({
      where: { draftId_suggestionId: { draftId, suggestionId: suggestion.id } },
      select: { id: true },
    });
    if (existing) return;
    const at = input.at ?? new Date();
    await tx.suggestionOutcome.create({
      data: {
        draftId,
        suggestionId: suggestion.id,
        authorId: suggestion.authorId,
        authorName: suggestion.authorName,
        deciderId: decider.id,
        deciderName: decider.name,
        outcome,
        kind: suggestion.kind,
        text: suggestion.text,
        quote: suggestion.quote,
        articleId: suggestion.articleId,
        reason: outcome === "REJECTED" ? input.reason : null,
        landedStart: input.landing?.start ?? null,
        landedEnd: input.landing?.end ?? null,
        sourceAuthor: suggestion.source?.author ?? null,
        sourceDate: suggestion.source?.date ?? null,
        suggestedAt: new Date(suggestion.createdAt),
        decidedAt: at,
      },
    });
    await audit(tx, {
      actorId: decider.id,
      action: OUTCOME_ACTIONS[outcome],
      objectType: "draft",
      objectId: draftId,
      details: { suggestionId: suggestion.id, authorId: suggestion.authorId },
      at,
    });
  });
}

/** The recorded outcomes of a draft's suggestions, newest first (history, tests). */
export function listSuggestionOutcomes(draftId: string) {
  return db().suggestionOutcome.findMany({ where: { draftId }, orderBy: [{ decidedAt: "desc" }, { id: "desc" }] });
}
