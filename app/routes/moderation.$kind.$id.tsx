import type { ActionFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "~/auth/current-user.server";
import { moderatedResource } from "~/models/moderation/moderated-resource.server";
import { flag, moderate, type ModeratedKind } from "~/models/moderation/moderation.server";
import { ModerationSchema } from "~/schemas/follow";
import { db } from "~/utils/db.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/read-form.server";
import { guard, handleIntents, InvalidInput } from "~/boundary/request-boundary.server";

const KINDS: Record<string, ModeratedKind> = { proposal: "Proposal", comment: "Comment" };

/**
 * Hide, unhide (the owning ministry's staff) and flag (participants who can see it) one
 * proposal or comment. Posted by the moderation forms with a fetcher, so the guard answers
 * JSON (404, 403, 401) instead of a login redirect; the intents answer field errors.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const kind = KINDS[params.kind ?? ""];
  const id = params.id ?? "";
  const user = await getCurrentUser(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  // What the person may not see is not found; what they see but may not do is forbidden.
  await guard({
    request,
    user,
    json: true,
    object: { type: kind ?? "unknown", id },
    loaded: kind ? await moderatedResource(kind, id) : null,
    resourceOf: (resource) => resource,
    view: "moderation.view",
    action: intent === "flag" ? "moderation.flag" : "moderation.hide",
  });
  if (!user || !kind) throw new Error("unreachable: the guard lets no one through without both");
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
