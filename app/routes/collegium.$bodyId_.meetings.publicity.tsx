import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { handleForm, notFound, requireMeetingBody } from "~/boundary/request-boundary.server";
import { setMeetingsPublic } from "~/models/collegium/meetings.server";
import { MeetingsPublicitySchema } from "~/schemas/meeting";

/** The body's decision whether its meetings are public, recorded by its secretary (the form is on the collegium page). */
export async function action({ request, params }: ActionFunctionArgs) {
  return handleForm(request, {
    audit: { action: "meeting.publicity", objectType: "CollegiumBody", objectId: params.bodyId },
    handle: async ({ parse }) => {
      const { user, body } = await requireMeetingBody(request, params.bodyId, "meeting.schedule");
      await setMeetingsPublic(user!.id, body.id, parse(MeetingsPublicitySchema).meetingsPublic === "yes");
      throw redirect(`/collegium/${body.id}`);
    },
  });
}

export const loader = () => {
  throw notFound();
};
