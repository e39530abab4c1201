import { data } from "@remix-run/node";
import type { Action, MaybeActor, Resource } from "~/policies";
import { can } from "~/policies";

/** Throws a 403 (or 404 where even existence is private) unless the policy allows it. */
export function authorize(actor: MaybeActor, action: Action, resource?: Resource, options?: { hide?: boolean }) {
  if (!can(actor, action, resource)) {
    throw options?.hide ? notFound() : forbidden();
  }
}

export function forbidden() {
  return new Response("Forbidden", { status: 403 });
}

export function notFound() {
  return new Response("Not Found", { status: 404 });
}

/** `invariantResponse` in the Epic Stack's words: a missing row becomes a friendly 404 page. */
export function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw notFound();
  return value;
}

/** A form's field errors as translation keys, with status 400, for `useActionData`. */
export function fieldErrors(errors: Record<string, string | undefined>, status = 400) {
  return data({ ok: false as const, errors }, { status });
}
