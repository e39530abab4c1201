import { data } from "@remix-run/node";
import type { z } from "zod";
import { getCurrentUser } from "~/auth/current-user.server";
import { auditRefusal } from "~/utils/audit.server";
import { parseValues, type FieldErrors } from "~/utils/forms";
import { RateLimitedError, retryAfter } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/read-form.server";
import { RuleError } from "~/utils/rule-error";

/**
 * What every action answers, whatever the intent and however it ended: `useActionData`
 * always finds `ok`, `intent` and `errors` (translation keys by field), plus what the
 * intent itself returned (a message key, an id) or the form's `echo`.
 */
export type ActionResult<Extra = object> =
  | ({ ok: true; intent: string; errors: FieldErrors; message?: string } & Partial<Extra>)
  | ({ ok: false; intent: string; errors: FieldErrors; message?: string } & Partial<Extra>);

/** What an intent's handler gets: the form and a parser that ends the intent on bad input. */
export type IntentContext = {
  form: FormData;
  /** The form read through a zod schema; invalid input answers 400 with its field errors. */
  parse<S extends z.ZodTypeAny>(schema: S, values?: Record<string, unknown>): z.infer<S>;
  /** One text field (missing is ""), for ids the model looks up and refuses itself. */
  text(name: string): string;
};

/** A handler returns nothing, or the message key and values to show; throwing a Response (a redirect) passes through. */
export type IntentHandler<Extra> = (context: IntentContext) => Promise<void | ({ message?: string } & Partial<Extra>)>;

/** Ends an intent with 400 (or another 4xx) and these field errors. */
export class InvalidInput extends Error {
  constructor(
    readonly errors: FieldErrors,
    readonly status: 400 | 403 | 404 | 409 | 410 = 400,
  ) {
    super("invalid input");
  }
}

export type IntentOptions<Extra> = {
  /** Names the audit row of a refusal by a rule: `refused.<prefix>.<intent>` on this object. */
  audit: { prefix: string; objectType: string; objectId: string | undefined };
  intents: Record<string, IntentHandler<Extra>>;
  /** Which field shows "too many, wait N minutes" (default the form's own error). */
  rateLimitField?: string;
  /** Values from the form returned with every answer (which card an error belongs to). */
  echo?: (form: FormData) => Partial<Extra>;
  /** The form, when the route has already read it. */
  form?: FormData;
  /**
   * A resource route (no page of its own, called by fetchers and API clients) answers
   * plain JSON, which keeps its status everywhere.
   */
  json?: boolean;
};

/**
 * Runs the intent the form names and turns how it ended into one answer: done 200, bad
 * input 400 with field errors, refused by a rule of the domain (closed, past the deadline,
 * not one's seat) 409 with a `refused.*` audit row, too many attempts 429 with
 * Retry-After, an unknown intent 400. Authorization happens inside each handler, through
 * the guards, before it reads anything else of the form.
 */
export async function handleIntents<Extra extends object = object>(request: Request, options: IntentOptions<Extra>) {
  const form = options.form ?? (await readForm(request));
  const intent = String(form.get("intent") ?? "");
  const handler = Object.hasOwn(options.intents, intent) ? options.intents[intent] : undefined;
  const answer = answerer<Extra>(intent, options.echo?.(form) ?? {}, options.json);
  if (!handler) return answer(false, { form: "errors.unknownAction" }, 400);
  return run(request, form, `${options.audit.prefix}.${intent}`, handler, answer, options);
}

/** The same for a page with one form and no intents; its audit rows are `refused.<action>`. */
export async function handleForm<Extra extends object = object>(
  request: Request,
  options: Omit<IntentOptions<Extra>, "intents" | "audit"> & {
    audit: { action: string; objectType: string; objectId: string | undefined };
    handle: IntentHandler<Extra>;
  },
) {
  const form = options.form ?? (await readForm(request));
  const answer = answerer<Extra>("", options.echo?.(form) ?? {}, options.json);
  return run(request, form, options.audit.action, options.handle, answer, options);
}

/** Typed as `data()` so that `useActionData<typeof action>` knows the result's shape. */
type Answered<Extra> = ReturnType<typeof data<ActionResult<Extra>>>;

type Answer<Extra> = (
  ok: boolean,
  errors: FieldErrors,
  status: number,
  more?: object,
  headers?: HeadersInit,
) => Answered<Extra>;

function answerer<Extra>(intent: string, echo: object, json: boolean | undefined): Answer<Extra> {
  return (ok, errors, status, more = {}, headers) => {
    const result = { ...echo, ...more, ok, intent, errors } as ActionResult<Extra>;
    // A resource route's plain JSON carries the same result; only its wrapper differs.
    if (json) return Response.json(result, { status, headers }) as unknown as Answered<Extra>;
    return data(result, { status, headers });
  };
}

async function run<Extra>(
  request: Request,
  form: FormData,
  auditAction: string,
  handler: IntentHandler<Extra>,
  answer: Answer<Extra>,
  options: { audit: { objectType: string; objectId: string | undefined }; rateLimitField?: string },
) {
  try {
    const outcome = await handler(contextOf(form));
    return answer(true, {}, 200, outcome ?? {});
  } catch (error) {
    if (error instanceof InvalidInput) return answer(false, error.errors, error.status);
    if (error instanceof RateLimitedError) {
      const field = error.field ?? options.rateLimitField ?? "form";
      return answer(false, { [field]: error.messageKey }, 429, {}, retryAfter(error.retryAfterSeconds));
    }
    if (error instanceof RuleError) {
      await auditRefusal(request, (await getCurrentUser(request))?.id, {
        action: auditAction,
        objectType: options.audit.objectType,
        objectId: options.audit.objectId,
        reason: error.key,
      });
      return answer(false, { [error.field]: error.key }, 409);
    }
    throw error;
  }
}

function contextOf(form: FormData): IntentContext {
  return {
    form,
    parse(schema, values) {
      const parsed = parseValues(schema, values ?? Object.fromEntries(form.entries()));
      if (!parsed.ok) throw new InvalidInput(parsed.errors);
      return parsed.value;
    },
    text: (name) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    },
  };
}
