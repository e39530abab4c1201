import type * as Y from "yjs";
import { DecisionSchema, parseSuggestion, suggestionsOf, decisionsOf } from "../app/editor/suggestions";
import { recordSuggestionOutcome, type OutcomeKind } from "../app/models/suggestions/suggestion-outcomes.server";
import { landingOf } from "../app/editor/suggestion-landing";
import { Connection } from "./connection";

/**
 * Watches a room's suggestions and records each one that leaves the document: accepted or
 * rejected (as the editor's decision entry says; a removal by an editor without one counts as
 * rejected), or withdrawn by its author. The decider is the person behind the connection
 * whose update removed it; updates from other nodes are recorded there, loading records nothing.
 * The write happens after the update is applied; a failed one is logged, never undoes the change.
 */
export function watchSuggestionOutcomes(draftId: string, doc: Y.Doc): void {
  suggestionsOf(doc).observe((event, transaction) => {
    const origin = transaction.origin;
    if (!(origin instanceof Connection)) return;
    for (const [key, change] of event.changes.keys) {
      if (change.action !== "delete") continue;
      const suggestion = parseSuggestion(change.oldValue);
      if (!suggestion || suggestion.id !== key) continue;
      const decision = DecisionSchema.safeParse(decisionsOf(doc).get(key));
      const byAuthor = origin.identity.userId === suggestion.authorId;
      const outcome: OutcomeKind =
        origin.access === "edit" && decision.success ? decision.data.outcome : byAuthor ? "WITHDRAWN" : "REJECTED";
      const landing = landingOf(doc, suggestion, outcome === "ACCEPTED");
      void recordSuggestionOutcome({
        draftId,
        suggestion,
        decider: { id: origin.identity.userId, name: origin.identity.userName },
        outcome,
        reason: outcome === "REJECTED" && decision.success ? decision.data.reason : null,
        landing,
      }).catch((error: unknown) => {
        console.warn(`collab: recording the outcome of suggestion ${key} in draft ${draftId} failed:`, String(error));
      });
    }
  });
}
