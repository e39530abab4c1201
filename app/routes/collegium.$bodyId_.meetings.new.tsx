import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseMeetingForm } from "~/boundary/meeting-form.server";
import { handleIntents, requireMeetingBody } from "~/boundary/request-boundary.server";
import { MeetingForm } from "~/components/meetings/meeting-form";
import { resolveLocale } from "~/i18n/locale.server";
import { organizationName } from "~/i18n/localized-name";
import { pageTitle } from "~/i18n/page-title";
import { useT } from "~/i18n/use-t";
import { agendaChoices, newMeetingValues } from "~/models/collegium/meeting-form-data.server";
import { scheduleMeeting } from "~/models/collegium/meetings.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? t("titles.newMeeting", { name: organizationName(data.body, locale) }) : null,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, body } = await requireMeetingBody(request, params.bodyId, "meeting.schedule");
  return {
    body: { id: body.id, nameHy: body.nameHy, nameRu: body.nameRu, nameKa: body.nameKa, nameEn: body.nameEn },
    reviews: await agendaChoices(body.id, resolveLocale(request, user?.locale ?? null)),
    values: newMeetingValues(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleIntents(request, {
    audit: { prefix: "meeting", objectType: "CollegiumBody", objectId: params.bodyId },
    intents: {
      save: async (context) => {
        const { user, body } = await requireMeetingBody(request, params.bodyId, "meeting.schedule");
        const meeting = await scheduleMeeting(user!, body.id, parseMeetingForm(context));
        throw redirect(`/collegium/${body.id}/meetings/${meeting.id}`);
      },
    },
  });
}

export default function NewMeetingPage() {
  const t = useT();
  const { body, reviews, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow-wide">
      <p className="eyebrow">
        <Link to={`/collegium/${body.id}`}>← {organizationName(body, t.locale)}</Link>
      </p>
      <h1>{t("meetings.newTitle")}</h1>
      <MeetingForm values={values} reviews={reviews} errors={result?.errors ?? {}} submitLabel={t("meetings.create")} />
    </section>
  );
}
