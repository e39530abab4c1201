import type { ActionFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "~/auth/current-user.server";
import { moderatedResource } from "~/models/moderation/moderated-resource.server";
import { flag, moderate, type ModeratedKind } from "~/models/moderation/moderation.server";
import { can } from "~/policies";
import { ModerationSchema } from "~/schemas/follow";
import { auditRefusal } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { rateLimitMessage, retryAfter, takeRateLimit } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/read-form.server";
import { RuleError } from "~/utils/rule-error";

const KINDS: Record<string, ModeratedKind> = { proposal: "Proposal", comment: "Comment" };

type Result = { ok: boolean; errors: Record<string, string | undefined> };

/** A resource route answers with a plain JSON Response: its status reaches the client as is. */
const reply = (body: Result, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

/**
 * Hide, unhide (the owning ministry's staff) and flag (participants who can see it) one
 * proposal or comment. Posted by the moderation forms with a fetcher; answers field errors.
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
  try {
    if (intent === "unhide") {
      const changed = await moderate(user, kind, id, null);
      return changed
        ? reply({ ok: true, errors: {} })
        : reply({ ok: false, errors: { form: "moderation.errors.unchanged" } }, 409);
    }
    const parsed = parseForm(ModerationSchema, form);
    if (!parsed.ok) return reply({ ok: false, errors: parsed.errors }, 400);
    if (intent === "hide") {
      const changed = await moderate(user, kind, id, parsed.value);
      return changed
        ? reply({ ok: true, errors: {} })
        : reply({ ok: false, errors: { form: "moderation.errors.unchanged" } }, 409);
    }
    // Each flag lands on a moderator's list: limited per account and per address.
    const limit = await takeRateLimit(db(), "flag", { account: user.id, address: context.clientAddress });
    if (!limit.ok) {
      return reply(
        { ok: false, errors: { form: rateLimitMessage("flag", limit.retryAfterSeconds) } },
        429,
        retryAfter(limit.retryAfterSeconds),
      );
    }
    await flag(user, kind, id, parsed.value);
    return reply({ ok: true, errors: {} });
  } catch (error) {
    if (error instanceof RuleError) {
      return reply({ ok: false, errors: { [error.field]: error.key } }, 409);
    }
    throw error;
  }
}
