import { reviewRecordOf } from "~/exports/review-record-source.server";
import { resolveLocale } from "~/i18n/locale.server";
import { can } from "~/policies";
import { requireReview } from "./resources.server";

/**
 * A review's record as the reader may see it, for the Word and PDF routes: the guard of the
 * review page decides who may read it; each reviewer's decision shows only to those who may
 * see all decisions.
 */
export async function reviewRecordFor(request: Request, reviewId: string | undefined) {
  const { user, review, resource } = await requireReview(request, reviewId, "review.view");
  const seeAll = can(user.actor, "review.viewAllDecisions", resource);
  return reviewRecordOf(review, resolveLocale(request, user.locale), seeAll);
}
