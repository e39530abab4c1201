import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseMeetingForm } from "~/boundary/meeting-form.server";
import { handleIntents, requireMeeting } from "~/boundary/request-boundary.server";
import { MeetingForm } from "~/components/meetings/meeting-form";
import { resolveLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/page-title";
import { useT } from "~/i18n/use-t";
import { agendaChoices, meetingValues } from "~/models/collegium/meeting-form-data.server";
import { changeMeeting } from "~/models/collegium/meetings.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("titles.meeting", { name: data.values.title }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const loaded = await requireMeeting(request, params, "meeting.manage");
  const values = meetingValues(loaded);
  const locale = resolveLocale(request, loaded.user?.locale ?? null);
  return {
    bodyId: loaded.meeting.bodyId,
    meetingId: loaded.meeting.id,
    values,
    reviews: await agendaChoices(loaded.meeting.bodyId, locale, values.reviewIds),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleIntents(request, {
    audit: { prefix: "meeting", objectType: "CollegiumMeeting", objectId: params.meetingId },
    intents: {
      save: async (context) => {
        const { user, meeting } = await requireMeeting(request, params, "meeting.manage");
        await changeMeeting(user!, meeting.id, parseMeetingForm(context));
        throw redirect(`/collegium/${meeting.bodyId}/meetings/${meeting.id}`);
      },
    },
  });
}

export default function EditMeetingPage() {
  const t = useT();
  const { bodyId, meetingId, values, reviews } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow-wide">
      <p className="eyebrow">
        <Link to={`/collegium/${bodyId}/meetings/${meetingId}`}>← {values.title}</Link>
      </p>
      <h1>{t("meetings.change")}</h1>
      <MeetingForm values={values} reviews={reviews} errors={result?.errors ?? {}} submitLabel={t("meetings.save")} />
    </section>
  );
}
