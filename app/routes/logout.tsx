import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getCurrentUser } from "~/auth/current-user.server";
import { blankSessionCookie, readCookie, SESSION_COOKIE } from "~/auth/session.server";
import { logout } from "~/models/accounts/accounts.server";
import { closeCommentStreamsOfSession } from "~/utils/comment-streams.server";

export async function loader() {
  return redirect("/");
}

/** Deletes the session row on the server (a copied cookie stops working) and clears the cookie. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) {
    await logout(user.id, user.sessionId);
    // Live streams opened with this session end now, not at the next access re-check.
    closeCommentStreamsOfSession(readCookie(request, SESSION_COOKIE) ?? "");
  }
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookie() } });
}
