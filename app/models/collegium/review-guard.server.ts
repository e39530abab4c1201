import { requireUser } from "~/auth/current-user.server";
import { can, type Action } from "~/policies";
import { auditRefusal } from "~/utils/audit.server";
import { forbidden, notFound } from "~/utils/responses.server";
import { loadReview } from "./reviews.server";

/**
 * Loads a review for a route and checks the action. Someone who may not see the review gets
 * 404 (its existence stays private); someone who may see it but not do this gets 403.
 */
export async function requireReview(request: Request, reviewId: string | undefined, action: Action) {
  const user = await requireUser(request);
  const loaded = await loadReview(reviewId ?? "");
  const refuse = async (reason: string, response: Response) => {
    await auditRefusal(request, user.id, { action, objectType: "CollegiumReview", objectId: reviewId, reason });
    return response;
  };
  if (!loaded || !can(user.actor, "review.view", loaded.resource)) throw await refuse("notFound", notFound());
  if (!can(user.actor, action, loaded.resource)) throw await refuse("forbidden", forbidden());
  return { user, ...loaded };
}
