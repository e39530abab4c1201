import { redirect } from "@remix-run/node";
import { getCurrentUser, type CurrentUser } from "~/auth/current-user.server";
import { can, type Action } from "~/policies";
import { auditRefusal } from "~/utils/audit.server";
import { forbidden, notFound } from "~/utils/responses.server";
import { loadRound } from "./rounds.server";

/**
 * Loads a round for a route and checks the action on it. Public rounds are readable signed
 * out. A round the visitor may not see answers 404 to a signed-in person and sends a
 * signed-out one to the login page (the same for a round that does not exist, so neither
 * reveals whether an invited-only round is there); a visible one answers 403.
 */
export async function requireRound(request: Request, roundId: string | undefined, action: Action) {
  const user: CurrentUser | null = await getCurrentUser(request);
  const loaded = await loadRound(roundId ?? "");
  const actor = user?.actor ?? null;
  if (!loaded || !can(actor, "round.view", loaded.resource)) {
    if (!user) throw toLogin(request);
    await auditRefusal(request, user.id, {
      action,
      objectType: "ConsultationRound",
      objectId: roundId,
      reason: "notFound",
    });
    throw notFound();
  }
  if (!can(actor, action, loaded.resource)) {
    if (!user) throw toLogin(request);
    await auditRefusal(request, user.id, {
      action,
      objectType: "ConsultationRound",
      objectId: roundId,
      reason: "forbidden",
    });
    throw forbidden();
  }
  return { user, actor, ...loaded };
}

function toLogin(request: Request) {
  const url = new URL(request.url);
  return redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}
