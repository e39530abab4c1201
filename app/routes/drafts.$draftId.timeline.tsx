import { draftPageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { LocalDate } from "~/components/local-date";
import { WordSource } from "~/components/editor/word-source";
import { Pagination } from "~/components/pagination";
import { useT } from "~/i18n/use-t";
import { listDraftRounds } from "~/models/rounds/rounds.server";
import { draftTimeline } from "~/models/drafts/timeline.server";
import { suggestionThreads } from "~/models/comments/comments.server";
import { can, roundResourceOf } from "~/policies";
import { pageCount, readPage } from "~/utils/pagination";
import { requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  draftPageTitle(matches, data?.draft, "timeline.title");

/** The register of a draft: versions, rounds, reviews and status changes, who and when. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
  const rounds = await listDraftRounds(draft.id);
  const visibleRoundIds = new Set(
    rounds.filter((round) => can(user.actor, "round.view", roundResourceOf(round, resource))).map((round) => round.id),
  );
  const page = readPage(new URL(request.url));
  const { items, total } = await draftTimeline(draft.id, page, visibleRoundIds);
  // A decided suggestion keeps its discussion: the threads about it this person may see.
  const threads = await suggestionThreads(
    user,
    resource,
    items.flatMap((item) => (item.suggestion ? [item.suggestion.suggestionId] : [])),
  );
  const events = items.map((item) => ({
    ...item,
    threads: item.suggestion ? threads.filter((thread) => thread.suggestionId === item.suggestion?.suggestionId) : [],
  }));
  return { draft: draftHeading(draft), events, page: page.page, pages: pageCount(total) };
}

export default function TimelinePage() {
  const t = useT();
  const { draft, events, page, pages } = useLoaderData<typeof loader>();
  return (
    <section className="narrow-wide">
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
      </p>
      <h1>{t("timeline.title")}</h1>
      {events.length === 0 ? <p className="card muted">{t("timeline.none")}</p> : null}
      <ol className="plain-list timeline">
        {events.map((event) => (
          <li key={event.id} className="card" data-testid="timeline-event" data-action={event.action}>
            <div className="muted">
              <LocalDate value={event.at} withTime /> · {event.actor ?? t("timeline.platform")}
            </div>
            <div>
              {t(`timeline.actions.${event.action.replace(".", "_")}`)}
              {event.status ? `: ${t(`draftStatus.${event.status}`)}` : null}{" "}
              {event.version ? (
                <Link to={`/drafts/${draft.id}/versions/${event.version.id}`}>
                  {t("versions.label", { number: t.number(event.version.number), name: event.version.name })}
                </Link>
              ) : null}
              {event.round ? (
                <>
                  <Link to={`/rounds/${event.round.id}`}>{event.round.title}</Link>{" "}
                  <span className="muted">
                    ({t("rounds.proposalCount", { count: t.number(event.round._count.proposals) })})
                  </span>
                  {event.action === "round.publishSummary" ? (
                    <>
                      {" "}
                      <Link to={`/rounds/${event.round.id}/summary`}>{t("rounds.summaryLink")}</Link>
                    </>
                  ) : null}
                </>
              ) : null}
              {event.suggestion ? (
                <span data-testid="timeline-suggestion">
                  {" "}
                  {t("timeline.suggestionBy", { name: event.suggestion.authorName })}
                  {event.suggestion.sourceAuthor !== null || event.suggestion.sourceDate !== null ? (
                    <>
                      {" "}
                      (
                      <WordSource
                        author={event.suggestion.sourceAuthor}
                        date={event.suggestion.sourceDate}
                        testId="timeline-from-word"
                      />
                      )
                    </>
                  ) : null}
                  : {event.suggestion.quote ? <del>{event.suggestion.quote}</del> : null}{" "}
                  {event.suggestion.text ? <ins>{event.suggestion.text}</ins> : null}{" "}
                  {event.suggestion.now === "gone" ? (
                    <span className="muted" data-testid="suggestion-landing-gone">
                      ({t("timeline.suggestionGone")})
                    </span>
                  ) : (
                    <Link
                      to={`/drafts/${draft.id}${event.suggestion.now.articleId ? `#${event.suggestion.now.articleId}` : ""}`}
                      data-testid="suggestion-landing"
                    >
                      {t("timeline.suggestionWhere")}
                    </Link>
                  )}
                  {event.threads.map((thread) => (
                    <span key={thread.id}>
                      {" "}
                      ·{" "}
                      <Link to={`/drafts/${draft.id}?thread=${thread.id}`} data-testid="suggestion-thread-link">
                        {t("suggestions.discussion", { count: t.number(thread.comments) })}
                      </Link>
                    </span>
                  ))}
                  {event.suggestion.reason ? (
                    <span className="muted">
                      {" "}
                      · {t("timeline.suggestionReason", { reason: event.suggestion.reason })}
                    </span>
                  ) : null}
                </span>
              ) : null}
              {event.review ? (
                <>
                  <Link to={`/reviews/${event.review.id}`}>{t("timeline.review")}</Link>
                  {event.action === "review.close" && event.review.outcome ? (
                    <span className="muted"> ({t(`reviews.outcome.${event.review.outcome}`)})</span>
                  ) : null}
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} />
    </section>
  );
}
