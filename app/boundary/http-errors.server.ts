/**
 * The bare answers the boundary throws. Each route's ErrorBoundary (and the root one)
 * turns them into a friendly page in the reader's language; the words here are only what
 * a client without a page sees.
 */
export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

/** `invariantResponse` in the Epic Stack's words: a missing row becomes a friendly 404 page. */
export function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw notFound();
  return value;
}
