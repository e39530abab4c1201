import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { parseAttendanceForm, parseMeetingDecisionsForm } from "~/boundary/meeting-form.server";
import { handleIntents, requireMeeting } from "~/boundary/request-boundary.server";
import { FormError } from "~/components/field";
import { LocalDate } from "~/components/local-date";
import { AttendanceForm } from "~/components/meetings/attendance-form";
import { MeetingDecisionsForm } from "~/components/meetings/meeting-decisions-form";
import { MinutesCard } from "~/components/meetings/minutes-card";
import { resolveLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/page-title";
import { useT } from "~/i18n/use-t";
import { approveMinutes, circulateMinutes, startMinutes } from "~/models/collegium/meeting-minutes.server";
import { meetingView } from "~/models/collegium/meeting-view.server";
import {
  cancelMeeting,
  recordAttendance,
  recordMeetingDecisions,
  respondToMeeting,
} from "~/models/collegium/meetings.server";
import { PublishSchema, ResponseSchema } from "~/schemas/meeting";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("titles.meeting", { name: data.meeting.title }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const loaded = await requireMeeting(request, params, "meeting.view");
  return { meeting: meetingView(loaded, loaded.actor, resolveLocale(request, loaded.user?.locale ?? null)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const here = `/collegium/${params.bodyId}/meetings/${params.meetingId}`;
  return handleIntents<{ reviewId: string }>(request, {
    audit: { prefix: "meeting", objectType: "CollegiumMeeting", objectId: params.meetingId },
    echo: (form) => ({ reviewId: String(form.get("reviewId") ?? "") }),
    intents: {
      respond: async ({ parse }) => {
        const { user } = await requireMeeting(request, params, "meeting.respond");
        await respondToMeeting(user!, params.meetingId!, parse(ResponseSchema).response);
        return { message: "meetings.answered" };
      },
      cancel: async () => {
        const { user } = await requireMeeting(request, params, "meeting.manage");
        await cancelMeeting(user!, params.meetingId!);
        throw redirect(here);
      },
      attendance: async (context) => {
        const { user } = await requireMeeting(request, params, "meeting.manage");
        await recordAttendance(user!, params.meetingId!, parseAttendanceForm(context));
        return { message: "meetings.attendance.saved" };
      },
      decisions: async (context) => {
        const { user } = await requireMeeting(request, params, "meeting.manage");
        const { reviewId, decisions } = parseMeetingDecisionsForm(context);
        await recordMeetingDecisions(user!, params.meetingId!, reviewId, decisions);
        return { message: "meetings.decisions.saved" };
      },
      startMinutes: async () => {
        const loaded = await requireMeeting(request, params, "meeting.manage");
        await startMinutes(loaded.user!, loaded, resolveLocale(request, loaded.user!.locale));
        throw redirect(here);
      },
      circulate: async () => {
        const loaded = await requireMeeting(request, params, "meeting.manage");
        await circulateMinutes(loaded.user!, loaded);
        throw redirect(here);
      },
      approve: async ({ parse }) => {
        const loaded = await requireMeeting(request, params, "meeting.manage");
        const { publish } = parse(PublishSchema);
        await approveMinutes(loaded.user!, loaded, publish, resolveLocale(request, loaded.user!.locale));
        throw redirect(here);
      },
    },
  });
}

/** While a meeting is on, the quorum follows the secretary's attendance record without a reload. */
function useLiveQuorum(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, 15_000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
}

export default function MeetingPage() {
  const t = useT();
  const { meeting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const live = meeting.status === "SCHEDULED" && !!meeting.quorum && !meeting.canManage;
  useLiveQuorum(live);
  return (
    <section className="narrow-wide">
      <p className="eyebrow">
        <Link to={`/collegium/${meeting.bodyId}`}>← {t("meetings.title")}</Link>
      </p>
      <div className="page-title">
        <h1 data-testid="meeting-title">{meeting.title}</h1>
        <span className="badge">{t(`meetings.status.${meeting.status}`)}</span>
      </div>
      {meeting.status === "CANCELLED" ? <p className="card">{t("meetings.cancelledNotice")}</p> : null}
      {result?.ok && result.message ? (
        <p className="notice" role="status">
          {t(result.message)}
        </p>
      ) : null}
      <dl className="facts card">
        <dt>{t("meetings.when")}</dt>
        <dd>
          <LocalDate value={meeting.startsAt} withTime timeZone={meeting.timeZone} /> –{" "}
          <LocalDate value={meeting.endsAt} withTime timeZone={meeting.timeZone} />{" "}
          <span className="muted">({t("meetings.zone", { zone: meeting.timeZone })})</span>
        </dd>
        <dt>{t("meetings.where")}</dt>
        <dd>
          {meeting.place}
          {meeting.place && meeting.onlineUrl ? " · " : null}
          {meeting.onlineUrl ? <a href={meeting.onlineUrl}>{meeting.onlineUrl}</a> : null}
        </dd>
      </dl>
      <p>
        <a href={`/collegium/${meeting.bodyId}/meetings/${meeting.id}/invitation.ics`} download>
          {t("meetings.addToCalendar")}
        </a>
      </p>

      {meeting.myResponse ? (
        <Form method="post" className="card stack" data-testid="meeting-response">
          <input type="hidden" name="intent" value="respond" />
          <p>{t("meetings.yourAnswer", { answer: t(`meetings.response.${meeting.myResponse}`) })}</p>
          <FormError error={result?.intent === "respond" ? errors.form || errors.response : undefined} />
          <div className="actions">
            <button
              type="submit"
              name="response"
              value="ACCEPTED"
              className="button primary"
              data-testid="meeting-accept"
            >
              {t("meetings.accept")}
            </button>
            <button type="submit" name="response" value="DECLINED" className="button">
              {t("meetings.decline")}
            </button>
          </div>
        </Form>
      ) : null}

      <h2>{t("meetings.agenda.title")}</h2>
      <ol className="stack" data-testid="meeting-agenda">
        {meeting.agenda.map((item) => (
          <li key={item.id} className="card">
            <p>
              {item.review
                ? t("meetings.agenda.review", { title: item.label ?? "" })
                : (item.label ?? t("meetings.agenda.privateReview"))}
            </p>
            {item.review ? (
              <p className="muted">
                <Link to={`/reviews/${item.review.id}`}>{t("meetings.decisions.openReview")}</Link> ·{" "}
                {item.review.status === "CLOSED" && item.review.outcome
                  ? `${t("meetings.decisions.closed")}: ${t(`reviews.outcome.${item.review.outcome}`)}`
                  : t("reviews.decisionCount", { count: item.review.decided, total: item.review.reviewers })}
              </p>
            ) : null}
            {item.review && meeting.canManage && item.review.status === "OPEN" ? (
              item.review.present.length ? (
                <>
                  <h3>{t("meetings.decisions.title")}</h3>
                  <p className="muted">{t("meetings.decisions.hint")}</p>
                  <MeetingDecisionsForm
                    reviewId={item.review.id}
                    present={item.review.present}
                    errors={result?.intent === "decisions" && result.reviewId === item.review.id ? errors : {}}
                  />
                </>
              ) : (
                <p className="muted">{t("meetings.decisions.attendFirst")}</p>
              )
            ) : null}
          </li>
        ))}
      </ol>
      {!meeting.agenda.some((item) => item.review) && !meeting.agenda.length ? <p>{t("meetings.none")}</p> : null}

      {meeting.quorum ? (
        <>
          <h2>{t("meetings.attendance.title")}</h2>
          <p
            className={meeting.quorum.quorumMet ? "notice" : "muted"}
            role="status"
            aria-live="polite"
            data-testid="meeting-quorum"
            data-met={meeting.quorum.quorumMet ? "yes" : "no"}
          >
            {t(meeting.quorum.quorumMet ? "meetings.quorum.met" : "meetings.quorum.notMet", {
              attending: meeting.quorum.attending,
              seats: meeting.quorum.seats,
              needed: meeting.quorum.needed,
            })}
          </p>
        </>
      ) : null}
      {meeting.canManage ? (
        <AttendanceForm rows={meeting.attendanceRows} errors={result?.intent === "attendance" ? errors : {}} />
      ) : null}

      {meeting.invitees.length ? (
        <>
          <h2>{t("meetings.invitees")}</h2>
          <ul className="plain-list" data-testid="meeting-invitees">
            {meeting.invitees.map((person) => (
              <li key={person.id}>
                {person.name}
                {person.guest ? <span className="muted"> ({t("meetings.guest")})</span> : null} —{" "}
                {t(`meetings.response.${person.response}`)}
                {person.attendance ? ` · ${t(`meetings.attendance.${person.attendance}`)}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <MinutesCard
        meetingId={meeting.id}
        bodyId={meeting.bodyId}
        minutes={meeting.minutes}
        canManage={meeting.canManage}
        error={
          ["startMinutes", "circulate", "approve"].includes(result?.intent ?? "")
            ? errors.form || errors.publish
            : undefined
        }
      />

      {meeting.canManage ? (
        <div className="actions">
          <Link className="button" to={`/collegium/${meeting.bodyId}/meetings/${meeting.id}/edit`}>
            {t("meetings.change")}
          </Link>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button danger">
              {t("meetings.cancel")}
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}
