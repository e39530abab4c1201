import { notFound } from "~/boundary/request-boundary.server";

/**
 * Every path no other route matches. Without this route Remix answers such a 404 before any
 * loader runs, so the error page could not know the reader's language and came out in the
 * default one; thrown from here, the root loader runs first and the page is localized.
 */
export function loader(): never {
  throw notFound();
}

export function action(): never {
  throw notFound();
}

/** Never rendered: the loader always throws, so the root error page shows instead. */
export default function UnknownPath() {
  return null;
}
