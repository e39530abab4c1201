import { getCurrentUser } from "~/auth/current-user.server";
import { loadBodyResource, loadMeeting } from "~/models/collegium/meeting-resource.server";
import type { ActionOn, CollegiumBodyResource, MeetingResource } from "~/policies";
import { guard } from "./guard.server";

/**
 * A collegium meeting under its body's address. Public meetings are readable signed out;
 * a private one answers a signed-in outsider 404 (as a missing one) and sends a signed-out
 * visitor to log in, so its existence stays private. A meeting named under another body's
 * address is missing.
 */
export async function requireMeeting(
  request: Request,
  params: { bodyId?: string; meetingId?: string },
  action: ActionOn<MeetingResource>,
) {
  const user = await getCurrentUser(request);
  const loaded = await loadMeeting(params.meetingId ?? "");
  const { loaded: found, resource } = await guard({
    request,
    user,
    object: { type: "CollegiumMeeting", id: params.meetingId },
    loaded: loaded && loaded.meeting.bodyId === params.bodyId ? loaded : null,
    resourceOf: (meeting) => meeting.resource,
    view: "meeting.view",
    action,
  });
  return { user, actor: user?.actor ?? null, ...found, resource };
}

/** A collegium body for the meeting actions decided on the body itself (scheduling, the private feed). */
export async function requireMeetingBody(
  request: Request,
  bodyId: string | undefined,
  action: ActionOn<CollegiumBodyResource>,
) {
  const user = await getCurrentUser(request);
  const { loaded, resource } = await guard({
    request,
    user,
    object: { type: "CollegiumBody", id: bodyId },
    loaded: await loadBodyResource(bodyId ?? ""),
    resourceOf: (body) => body.resource,
    action,
  });
  return { user, actor: user?.actor ?? null, ...loaded, resource };
}
