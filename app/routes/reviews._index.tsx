import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { draftTitle } from "~/i18n/localized-name";
import { LocalDate } from "~/components/local-date";
import { useT } from "~/i18n/use-t";
import { listPendingReviews } from "~/models/collegium/reviews.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("reviews.mine"));

/** "My reviews": the open collegium reviews where this person holds a seat, soonest due first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { reviews: await listPendingReviews(user.id) };
}

export default function MyReviewsPage() {
  const t = useT();
  const { reviews } = useLoaderData<typeof loader>();
  return (
    <section className="narrow-wide">
      <h1>{t("reviews.mine")}</h1>
      {reviews.length === 0 ? <p className="card muted">{t("reviews.noneMine")}</p> : null}
      <ul className="plain-list stack">
        {reviews.map((review) => (
          <li key={review.id} className="card" data-testid="my-review">
            <Link to={`/reviews/${review.id}`}>
              <strong>{draftTitle(review.draft, t.locale)}</strong>
            </Link>
            <div className="muted">
              {t("reviews.due")}: <LocalDate value={review.dueAt} withTime /> ·{" "}
              {review.myDecision ? t(`reviews.decisions.${review.myDecision}`) : t("reviews.noDecision")}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
