import type { ActionFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "~/auth/current-user.server";
import { moderatedResource } from "~/models/moderation/moderated-resource.server";
import { flag, moderate, type ModeratedKind } from "~/models/moderation/moderation.server";
import { can } from "~/policies";
import { ModerationSchema } from "~/schemas/follow";
import { auditRefusal } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/read-form.server";
import { handleIntents, InvalidInput } from "~/boundary/request-boundary.server";

const KINDS: Record<string, ModeratedKind> = { proposal: "Proposal", comment: "Comment" };

type Result = { ok: boolean; errors: Record<string, string | undefined> };

/** A resource route answers with a plain JSON Response: its status reaches the client as is. */
const reply = (body: Result, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

/**
 * Hide, unhide (the owning ministry's staff) and flag (participants who can see it) one
 * proposal or comment. Posted by the moderation forms with a fetcher; answers field errors.
 * Access is checked here rather than through a guard because a fetcher needs a JSON answer
 * (404, 401, 403) instead of a redirect to log in or an error page.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const kind = KINDS[params.kind ?? ""];
  const id = params.id ?? "";
  const user = await getCurrentUser(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const resource = kind ? await moderatedResource(kind, id) : null;
  // What the person may not see is not found; what they see but may not do is forbidden.
  if (
    !kind ||
    !resource ||
    !(resource.type === "round"
      ? can(user?.actor ?? null, "round.view", resource)
      : can(user?.actor ?? null, "thread.view", resource))
  ) {
    return reply({ ok: false, errors: { form: "errors.notFound" } }, 404);
  }
  const permission = intent === "flag" ? "moderation.flag" : "moderation.hide";
  if (!user || !["hide", "unhide", "flag"].includes(intent) || !can(user.actor, permission, resource)) {
    await auditRefusal(request, user?.id, {
      action: `moderation.${intent}`,
      objectType: kind,
      objectId: id,
      reason: "not allowed",
    });
    return reply({ ok: false, errors: { form: "errors.notAllowed" } }, user ? 403 : 401);
  }
  const unchanged = () => new InvalidInput({ form: "moderation.errors.unchanged" }, 409);
  return handleIntents(request, {
    form,
    json: true,
    audit: { prefix: "moderation", objectType: kind, objectId: id },
    intents: {
      unhide: async () => {
        if (!(await moderate(user, kind, id, null))) throw unchanged();
      },
      hide: async ({ parse }) => {
        if (!(await moderate(user, kind, id, parse(ModerationSchema)))) throw unchanged();
      },
      flag: async ({ parse }) => {
        const value = parse(ModerationSchema);
        // Each flag lands on a moderator's list: limited per account and per address.
        await enforceRateLimit(db(), "flag", { account: user.id, address: context.clientAddress });
        await flag(user, kind, id, value);
      },
    },
  });
}
