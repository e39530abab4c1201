import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { commentIntents } from "~/intents/comment-intents.server";
import { listVisibleThreads } from "~/models/comments/comments.server";
import { can } from "~/policies";
import { requireDraft } from "~/boundary/request-boundary.server";

/** The comment panel's API: the threads this person may see, and every change to them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, resource } = await requireDraft(request, params.draftId, "draft.comment");
  return {
    threads: await listVisibleThreads(user, resource),
    canCommentInternally: can(user.actor, "draft.commentInternal", resource),
    userId: user.id,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, resource } = await requireDraft(request, params.draftId, "draft.comment");
  return commentIntents(request, user, resource, context.clientAddress);
}
