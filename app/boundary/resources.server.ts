import { getCurrentUser, requireUser } from "~/auth/current-user.server";
import { loadReview } from "~/models/collegium/reviews.server";
import { draftResourceOf } from "~/models/drafts/draft-access.server";
import { getDraft } from "~/models/drafts/drafts.server";
import { loadRound } from "~/models/rounds/rounds.server";
import type { ActionOn, DraftResource, ReviewResource, RoundResource } from "~/policies";
import { guard } from "./guard.server";

/** A draft and the signed-in person, if they may take `action` on it (404 if they may not see it). */
export async function requireDraft(request: Request, draftId: string | undefined, action: ActionOn<DraftResource>) {
  const user = await requireUser(request);
  const { loaded: draft, resource } = await guard({
    request,
    user,
    object: { type: "Draft", id: draftId },
    loaded: await getDraft(draftId ?? ""),
    resourceOf: draftResourceOf,
    view: "draft.view",
    action,
  });
  return { user, draft, resource };
}

/**
 * A round, readable signed out when it is public. A round the visitor may not see answers
 * 404 to a signed-in person and sends a signed-out one to the login page, the same as for
 * a round that does not exist, so neither reveals whether an invited-only round is there.
 */
export async function requireRound(request: Request, roundId: string | undefined, action: ActionOn<RoundResource>) {
  const user = await getCurrentUser(request);
  const { loaded, resource } = await guard({
    request,
    user,
    object: { type: "ConsultationRound", id: roundId },
    loaded: await loadRound(roundId ?? ""),
    resourceOf: (found) => found.resource,
    view: "round.view",
    action,
  });
  return { user, actor: user?.actor ?? null, round: loaded.round, resource };
}

/** A collegium review, for its draft's owners, its reviewers and the body's secretary only. */
export async function requireReview(request: Request, reviewId: string | undefined, action: ActionOn<ReviewResource>) {
  const user = await requireUser(request);
  const { loaded, resource } = await guard({
    request,
    user,
    object: { type: "CollegiumReview", id: reviewId },
    loaded: await loadReview(reviewId ?? ""),
    resourceOf: (found) => found.resource,
    view: "review.view",
    action,
  });
  return { user, review: loaded.review, resource };
}
