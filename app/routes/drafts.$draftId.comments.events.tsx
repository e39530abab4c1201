import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireDraft } from "~/models/draft-guard.server";
import { subscribeCommentsChanged } from "~/utils/comment-events.server";

const KEEPALIVE_MS = 25_000;

/**
 * Server-sent events: "changed" whenever this draft's comments change, so open pages
 * reload the threads they may see (the event carries no content, so it cannot leak any).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { resource } = await requireDraft(request, params.draftId, "draft.comment");
  const encoder = new TextEncoder();
  let cleanup = () => {};
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
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
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
