import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { LocalDate } from "~/components/local-date";
import { Countdown } from "~/components/rounds/countdown";
import { draftTitle, type DraftTitleFields } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";

type Draft = DraftTitleFields & { id: string };
type Moment = string | Date;
type Serialized<T> = { [K in keyof T]: T[K] extends Date ? Moment : T[K] };

export type QueueView = {
  drafts: { count: number; items: Serialized<Draft & { changedAt: Date; changedBy: string | null }>[] };
  rounds: { count: number; items: { id: string; title: string; closesAt: Moment; timeZone: string }[] };
  answers: { count: number; items: { id: string; title: string; waiting: number }[] };
  reviews: { count: number; items: { id: string; dueAt: Moment; draft: Draft }[] };
  proposals: {
    count: number;
    items: { id: string; number: number; decision: string | null; round: { id: string; title: string } }[];
  };
  suggestions: { count: number; items: (Draft & { waiting: number })[] };
  meetings: {
    count: number;
    items: { id: string; bodyId: string; title: string; startsAt: Moment; timeZone: string; response: string }[];
  };
};

/** One item: where it is, and the one line that says why it is waiting. */
function QueueItem({ to, title, children }: { to: string; title: ReactNode; children: ReactNode }) {
  return (
    <li>
      <Link to={to}>{title}</Link>
      <div className="muted">{children}</div>
    </li>
  );
}

/** One section: a heading with the exact count, up to five items, and the page with them all. */
function QueueSection(props: {
  name: string;
  title: string;
  count: number;
  all: string;
  empty: string;
  children: ReactNode;
}) {
  const t = useT();
  const headingId = `queue-${props.name}`;
  return (
    <section className="card queue-section" aria-labelledby={headingId} data-testid={`queue-${props.name}`}>
      <h2 id={headingId}>
        {props.title}{" "}
        <span className="badge" data-testid={`queue-${props.name}-count`}>
          {t.number(props.count)}
        </span>
      </h2>
      {props.count === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="plain-list stack">{props.children}</ul>
      )}
      {props.count > 0 ? (
        <p>
          <Link to={props.all}>{t("home.queue.all")}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The signed-in home page: what waits for me, each item linking to where I act on it. */
export function WorkQueue({ queue }: { queue: QueueView }) {
  const t = useT();
  return (
    <div className="queue-grid">
      <QueueSection
        name="reviews"
        title={t("home.queue.reviews")}
        count={queue.reviews.count}
        all="/reviews"
        empty={t("home.queue.noReviews")}
      >
        {queue.reviews.items.map((r) => (
          <QueueItem key={r.id} to={`/reviews/${r.id}`} title={draftTitle(r.draft, t.locale)}>
            {t("reviews.due")}: <LocalDate value={r.dueAt} withTime />
          </QueueItem>
        ))}
      </QueueSection>
      <QueueSection
        name="meetings"
        title={t("home.queue.meetings")}
        count={queue.meetings.count}
        all="/collegium"
        empty={t("home.queue.noMeetings")}
      >
        {queue.meetings.items.map((m) => (
          <QueueItem key={m.id} to={`/collegium/${m.bodyId}/meetings/${m.id}`} title={m.title}>
            <LocalDate value={m.startsAt} withTime timeZone={m.timeZone} /> · {t(`meetings.response.${m.response}`)}
          </QueueItem>
        ))}
      </QueueSection>
      <QueueSection
        name="suggestions"
        title={t("home.queue.suggestions")}
        count={queue.suggestions.count}
        all="/drafts"
        empty={t("home.queue.noSuggestions")}
      >
        {queue.suggestions.items.map((d) => (
          <QueueItem key={d.id} to={`/drafts/${d.id}`} title={draftTitle(d, t.locale)}>
            {t("home.queue.suggestionsWaiting", { count: t.number(d.waiting) })}
          </QueueItem>
        ))}
      </QueueSection>
      <QueueSection
        name="answers"
        title={t("home.queue.answers")}
        count={queue.answers.count}
        all="/rounds"
        empty={t("home.queue.noAnswers")}
      >
        {queue.answers.items.map((r) => (
          <QueueItem key={r.id} to={`/rounds/${r.id}/answers`} title={r.title}>
            {t("home.queue.waiting", { count: t.number(r.waiting) })}
          </QueueItem>
        ))}
      </QueueSection>
      <QueueSection
        name="drafts"
        title={t("home.queue.drafts")}
        count={queue.drafts.count}
        all="/drafts"
        empty={t("home.queue.noDrafts")}
      >
        {queue.drafts.items.map((d) => (
          <QueueItem key={d.id} to={`/drafts/${d.id}`} title={draftTitle(d, t.locale)}>
            {t("home.queue.changed")} <LocalDate value={d.changedAt} withTime />
            {d.changedBy ? ` · ${t("home.queue.changedBy", { name: d.changedBy })}` : ""}
          </QueueItem>
        ))}
      </QueueSection>
      <QueueSection
        name="rounds"
        title={t("home.queue.rounds")}
        count={queue.rounds.count}
        all="/rounds"
        empty={t("home.queue.noRounds")}
      >
        {queue.rounds.items.map((r) => (
          <QueueItem key={r.id} to={`/rounds/${r.id}`} title={r.title}>
            {t("home.queue.closes")} <LocalDate value={r.closesAt} withTime timeZone={r.timeZone} /> ·{" "}
            <Countdown until={r.closesAt} />
          </QueueItem>
        ))}
      </QueueSection>
      <QueueSection
        name="proposals"
        title={t("home.queue.proposals")}
        count={queue.proposals.count}
        all="/my-proposals"
        empty={t("home.queue.noProposals")}
      >
        {queue.proposals.items.map((p) => (
          <QueueItem
            key={p.id}
            to={`/rounds/${p.round.id}`}
            title={t("home.queue.proposal", { number: t.number(p.number), title: p.round.title })}
          >
            {p.decision ? t(`decisions.${p.decision}`) : t("home.queue.notAnswered")}
          </QueueItem>
        ))}
      </QueueSection>
    </div>
  );
}
