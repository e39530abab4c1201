import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleCommentAction } from "~/models/comments/comment-actions.server";
import { listVisibleThreads } from "~/models/comments/comments.server";
import { requireDraft } from "~/models/drafts/draft-guard.server";
import { can } from "~/policies";
import { readForm } from "~/utils/read-form.server";

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
  const result = await handleCommentAction(user, resource, await readForm(request), context.clientAddress);
  // A resource route: a plain JSON response keeps its status for fetchers and API clients alike.
  return Response.json(result, { status: result.status });
}
