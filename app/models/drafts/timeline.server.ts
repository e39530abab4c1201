import { whereItIsNow } from "~/editor/suggestion-landing";
import { loadDocument } from "~/models/documents/document-log.server";
import { db } from "~/utils/db.server";
import type { Page } from "~/utils/pagination";

/**
 * What happened to a draft, newest first, from the audit events of the draft itself, its
 * versions, rounds and collegium reviews, and what became of each suggestion (its author,
 * words and reason from the outcome record; the decider is the event's actor). Comments and proposals are left out on purpose:
 * internal threads must not leak through the history (their own pages apply the policy).
 */
const DRAFT_ACTIONS = [
  "draft.create",
  "draft.update",
  "draft.status",
  "draft.share",
  "draft.revoke",
  "suggestion.accept",
  "suggestion.reject",
  "suggestion.withdraw",
];
const OTHER_ACTIONS = [
  "version.create",
  "round.create",
  "round.open",
  "round.close",
  "round.publishSummary",
  "review.send",
  "review.close",
];

type LandedOutcome = { landedStart: string | null; landedEnd: string | null };

/**
 * Where each decided suggestion is in the text as it is now: `now` is its article (null outside
 * articles), or "gone" when its words are no longer in the text. The anchors stay server-side.
 */
async function locateOutcomes<T extends LandedOutcome>(draftId: string, outcomes: T[]) {
  const withLanding = outcomes.some((o) => o.landedStart && o.landedEnd);
  const doc = withLanding ? (await loadDocument(draftId)).doc : null;
  return outcomes.map(({ landedStart, landedEnd, ...outcome }) => {
    const place = doc && landedStart && landedEnd ? whereItIsNow(doc, { start: landedStart, end: landedEnd }) : null;
    return { ...outcome, now: place ? { articleId: place.articleId } : ("gone" as const) };
  });
}

/** `visibleRoundIds`: the rounds the viewer may see (an invited round stays with its guests). */
export async function draftTimeline(draftId: string, page: Page, visibleRoundIds: Set<string>) {
  const [versions, rounds, reviews] = await Promise.all([
    db().draftVersion.findMany({ where: { draftId }, select: { id: true, number: true, name: true } }),
    db().consultationRound.findMany({
      where: { draftId, id: { in: [...visibleRoundIds] } },
      select: {
        id: true,
        title: true,
        status: true,
        _count: { select: { proposals: { where: { status: "SUBMITTED" } } } },
      },
    }),
    db().collegiumReview.findMany({ where: { draftId }, select: { id: true, outcome: true } }),
  ]);
  const where = {
    OR: [
      { objectId: draftId, action: { in: DRAFT_ACTIONS } },
      {
        objectId: { in: [...versions, ...rounds, ...reviews].map((o) => o.id) },
        action: { in: OTHER_ACTIONS },
      },
    ],
  };
  const [events, total] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: page.skip,
      take: page.take,
      include: { actor: { select: { name: true } } },
    }),
    db().auditEvent.count({ where }),
  ]);
  const suggestionIds = events.flatMap((event) => {
    const id = ((event.details ?? {}) as Record<string, unknown>).suggestionId;
    return typeof id === "string" ? [id] : [];
  });
  const outcomes = suggestionIds.length
    ? await db().suggestionOutcome.findMany({
        where: { draftId, suggestionId: { in: suggestionIds } },
        select: {
          suggestionId: true,
          authorName: true,
          text: true,
          quote: true,
          reason: true,
          articleId: true,
          suggestedAt: true,
          landedStart: true,
          landedEnd: true,
          sourceAuthor: true,
          sourceDate: true,
        },
      })
    : [];
  const located = await locateOutcomes(draftId, outcomes);
  return {
    total,
    items: events.map((event) => {
      const details = (event.details ?? {}) as Record<string, unknown>;
      return {
        id: event.id,
        action: event.action,
        at: event.createdAt,
        actor: event.actor?.name ?? null,
        status: typeof details.to === "string" ? details.to : null,
        version: versions.find((v) => v.id === event.objectId) ?? null,
        round: rounds.find((r) => r.id === event.objectId) ?? null,
        review: reviews.find((r) => r.id === event.objectId) ?? null,
        suggestion: located.find((o) => o.suggestionId === details.suggestionId) ?? null,
      };
    }),
  };
}
