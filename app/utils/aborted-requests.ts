/**
 * Quiets the one rejection nobody can handle: a request the router itself cancelled.
 *
 * When a navigation or a form submission supersedes another one, Remix aborts the older
 * request's fetch. With single fetch, if that happens before every route has started
 * waiting on the shared response, the shared promise rejects with nobody listening, and
 * the browser reports "signal is aborted without reason" as an uncaught error (a known race
 * in the framework under load). Nothing failed for the user: the newer request carries on.
 * Only that exact shape is silenced; every other rejection still reaches the console.
 */
export function quietCancelledRequests(target: Pick<Window, "addEventListener">) {
  target.addEventListener("unhandledrejection", (event) => {
    if (isCancelledRequest(event.reason)) event.preventDefault();
  });
}

function isCancelledRequest(reason: unknown): boolean {
  return reason instanceof DOMException && reason.name === "AbortError";
}
