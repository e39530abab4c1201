import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/boundary/calendar-response.server";
import { feedLocale } from "~/boundary/feed-request.server";
import { notFound } from "~/boundary/request-boundary.server";
import { feedAudience, meetingsFeed } from "~/models/collegium/meeting-feed.server";

/**
 * A body's meetings as an iCalendar feed. Calendar apps send no cookie, so the feed never
 * reads the session: a body with public meetings has a public feed (drafts under review
 * unnamed, no online links); every body has a private feed at its secret `?token=`
 * address, shown only to insiders on the collegium page. A wrong token is answered as missing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const found = await feedAudience(params.bodyId ?? "", token);
  if (!found) throw notFound();
  const insider = found.audience === "insider";
  const body = await meetingsFeed(found.body.id, insider, feedLocale(request));
  return calendarResponse(body, "meetings.ics", insider);
}
