import { Form, Link } from "@remix-run/react";
import { LocalDate } from "~/components/local-date";
import { useT } from "~/i18n/use-t";

type MeetingRow = {
  id: string;
  title: string;
  startsAt: string;
  timeZone: string;
  status: "SCHEDULED" | "CANCELLED";
  minutesApproved: boolean;
  agenda: { id: string; review: boolean; label: string | null }[];
};

export type BodyMeetingsData = {
  upcoming: MeetingRow[];
  past: MeetingRow[];
  canSchedule: boolean;
  meetingsPublic: boolean;
  privateFeedToken: string | null;
};

function MeetingList({ bodyId, meetings, testId }: { bodyId: string; meetings: MeetingRow[]; testId: string }) {
  const t = useT();
  if (meetings.length === 0) return <p className="card muted">{t("meetings.none")}</p>;
  return (
    <ul className="plain-list stack" data-testid={testId}>
      {meetings.map((meeting) => (
        <li key={meeting.id} className="card">
          <h4>
            <Link to={`/collegium/${bodyId}/meetings/${meeting.id}`}>{meeting.title}</Link>
          </h4>
          <p className="muted">
            <LocalDate value={meeting.startsAt} withTime timeZone={meeting.timeZone} />
            {meeting.status === "CANCELLED" ? ` · ${t("meetings.status.CANCELLED")}` : null}
            {meeting.minutesApproved ? ` · ${t("meetings.minutes.status.APPROVED")}` : null}
          </p>
          <ol>
            {meeting.agenda.map((item) => (
              <li key={item.id}>
                {item.review
                  ? item.label
                    ? t("meetings.agenda.review", { title: item.label })
                    : t("meetings.agenda.privateReview")
                  : item.label}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}

/** The collegium page's meetings: upcoming and past, the calendar feed, and the secretary's tools. */
export function BodyMeetings({ bodyId, data }: { bodyId: string; data: BodyMeetingsData }) {
  const t = useT();
  const feed = `/collegium/${bodyId}/meetings.ics`;
  return (
    <section aria-labelledby="meetings-heading" data-testid="body-meetings">
      <div className="page-title">
        <h2 id="meetings-heading">{t("meetings.title")}</h2>
        {data.canSchedule ? (
          <Link className="button primary" to={`/collegium/${bodyId}/meetings/new`} data-testid="meeting-schedule">
            {t("meetings.schedule")}
          </Link>
        ) : null}
      </div>
      <h3>{t("meetings.upcoming")}</h3>
      <MeetingList bodyId={bodyId} meetings={data.upcoming} testId="meetings-upcoming" />
      <h3>{t("meetings.past")}</h3>
      <MeetingList bodyId={bodyId} meetings={data.past} testId="meetings-past" />
      <h3>{t("meetings.feed.title")}</h3>
      {data.meetingsPublic ? (
        <p>
          <a href={feed}>{t("meetings.feed.public")}</a>
        </p>
      ) : null}
      {data.privateFeedToken ? (
        <p>
          {t("meetings.feed.private")}:{" "}
          <code data-testid="private-feed">{`${feed}?token=${data.privateFeedToken}`}</code>
        </p>
      ) : null}
      {data.canSchedule ? (
        <Form method="post" action={`/collegium/${bodyId}/meetings/publicity`} className="card stack">
          <fieldset>
            <legend>{t("meetings.publicity.title")}</legend>
            {(["yes", "no"] as const).map((choice) => (
              <label key={choice} className="checkbox">
                <input
                  type="radio"
                  name="meetingsPublic"
                  value={choice}
                  defaultChecked={(choice === "yes") === data.meetingsPublic}
                />{" "}
                {t(`meetings.publicity.${choice}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button">
            {t("meetings.publicity.save")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
