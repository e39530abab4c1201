import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/boundary/calendar-response.server";
import { requireMeeting } from "~/boundary/request-boundary.server";
import { resolveLocale } from "~/i18n/locale.server";
import { meetingCalendarFile } from "~/models/collegium/meeting-feed.server";
import { can } from "~/policies";

/** One meeting as an .ics file, for whoever may see the meeting (drafts named only for insiders). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const loaded = await requireMeeting(request, params, "meeting.view");
  const { actor, resource } = loaded;
  const insider =
    can(actor, "meeting.listPrivate", resource.body) || (!!actor && resource.inviteeUserIds.includes(actor.id));
  const locale = resolveLocale(request, loaded.user?.locale ?? null);
  return calendarResponse(meetingCalendarFile(loaded, insider, locale), "meeting.ics", true);
}
