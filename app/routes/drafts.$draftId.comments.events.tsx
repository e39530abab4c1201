import type { LoaderFunctionArgs } from "@remix-run/node";
import { readCookie, SESSION_COOKIE } from "~/auth/session.server";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { subscribeCommentsChanged } from "~/utils/comment-events.server";
import { openCommentStream } from "~/utils/comment-streams.server";
import { requireDraft } from "~/boundary/request-boundary.server";

const KEEPALIVE_MS = 25_000;

/**
 * Server-sent events: "changed" whenever this draft's comments change, so open pages
 * reload the threads they may see (the event carries no content, so it cannot leak any).
 * The stream ends when the reader's access or session does (utils/comment-streams.server.ts).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, resource } = await requireDraft(request, params.draftId, "draft.comment");
  const sessionToken = readCookie(request, SESSION_COOKIE) ?? "";
  const encoder = new TextEncoder();
  let cleanup = () => {};
  let close = () => {};
  const unregister = openCommentStream({
    draftId: resource.id,
    sessionToken,
    userId: user.id,
    address: context.clientAddress,
    close: () => close(),
  });
  if (!unregister) {
    const t = serverT(resolveLocale(request, user.locale));
    return new Response(t("limits.tooManyStreams"), {
      status: 429,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "30" },
    });
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send("retry: 3000\n\n");
      const unsubscribe = subscribeCommentsChanged(resource.id, () => send("event: changed\ndata: {}\n\n"));
      const keepalive = setInterval(() => send(": keepalive\n\n"), KEEPALIVE_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(keepalive);
        unregister();
      };
      close = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener("abort", close);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
    },
  });
}
