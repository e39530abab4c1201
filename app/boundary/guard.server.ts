import { redirect } from "@remix-run/node";
import type { CurrentUser } from "~/auth/current-user.server";
import { canOn, type ActionOn, type Resource } from "~/policies";
import { auditRefusal } from "~/utils/audit.server";
import { forbidden, notFound } from "./http-errors.server";

export type GuardInput<T, R extends Resource> = {
  request: Request;
  /** Null for a signed-out visitor (only resources with public readers let them this far). */
  user: CurrentUser | null;
  /** What the audit row names when the attempt is refused. */
  object: { type: string; id: string | undefined };
  /** The loaded row, or null when there is none. */
  loaded: T | null;
  resourceOf: (loaded: T) => R;
  /** Someone who may not even do this sees 404, exactly as for a row that does not exist. */
  view?: ActionOn<R>;
  action: ActionOn<R>;
  /** Where existence itself is private (admin pages): a refusal is a 404, never a 403. */
  hideRefusal?: boolean;
  /**
   * For a resource route called by fetchers: refusals answer JSON in the intents' result shape
   * (404, 403, or 401 for a signed-out visitor) instead of a login redirect or an error page.
   */
  json?: boolean;
};

/**
 * The one check between a request and a resource: missing or hidden answers 404 (so the
 * answer does not tell whether it exists), visible but not allowed answers 403, a
 * signed-out visitor is sent to log in instead, and every refused change leaves a
 * `refused.<action>` audit row.
 */
export async function guard<T, R extends Resource>(input: GuardInput<T, R>): Promise<{ loaded: T; resource: R }> {
  const { loaded } = input;
  const resource = loaded === null ? null : input.resourceOf(loaded);
  const actor = input.user?.actor ?? null;
  if (loaded === null || resource === null || (input.view && !canOn(actor, input.view, resource))) {
    throw await refuse(input, "notFound");
  }
  if (!canOn(actor, input.action, resource)) throw await refuse(input, input.hideRefusal ? "notFound" : "forbidden");
  return { loaded, resource };
}

async function refuse<T, R extends Resource>(input: GuardInput<T, R>, reason: "notFound" | "forbidden") {
  if (input.json) return refuseAsJson(input, reason);
  if (!input.user) return toLogin(input.request);
  await auditRefusal(input.request, input.user.id, {
    action: input.action,
    objectType: input.object.type,
    objectId: input.object.id,
    reason,
  });
  return reason === "notFound" ? notFound() : forbidden();
}

async function refuseAsJson<T, R extends Resource>(input: GuardInput<T, R>, reason: "notFound" | "forbidden") {
  const status = reason === "notFound" ? 404 : input.user ? 403 : 401;
  if (reason === "forbidden") {
    await auditRefusal(input.request, input.user?.id, {
      action: input.action,
      objectType: input.object.type,
      objectId: input.object.id,
      reason,
    });
  }
  const form = reason === "notFound" ? "errors.notFound" : "errors.notAllowed";
  return Response.json({ ok: false, intent: "", errors: { form } }, { status });
}

export function toLogin(request: Request): Response {
  const url = new URL(request.url);
  return redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}
