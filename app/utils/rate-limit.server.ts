import { db, type Db, type Tx } from "./db.server";
import { countInWindow } from "./window-counter.server";

/**
 * Limits on writes that create work or mail for other people (a proposal needs an official
 * answer, an invitation or a reset link is an e-mail in someone's inbox). Shared by every
 * web process because the counters live in the database, in the login throttle's table
 * under their own `rate:` key prefix: `failures` holds the count in the current window and
 * `lastFailureAt` the moment that window began (fixed windows).
 *
 * The numbers are far above what a real participant does in an intense working session
 * and far below what a script does; an address is shared by a whole office behind one
 * router, so its limits are several people's worth.
 */
export const RATE_LIMITS = {
  /** Consultation proposals: each one waits for an official answer before the summary. */
  proposal: { account: { max: 10, minutes: 10 }, address: { max: 60, minutes: 60 } },
  /** New comment threads and replies on a draft. */
  comment: { account: { max: 40, minutes: 10 }, address: { max: 300, minutes: 60 } },
  /** People notified by "@Name" mentions (one per person mentioned). */
  mention: { account: { max: 60, minutes: 10 } },
  /** Invitations to an organization (each is an e-mail to someone outside). */
  invitation: { account: { max: 30, minutes: 60 }, address: { max: 60, minutes: 60 } },
  /** Password-reset e-mails: per target address, so no one's inbox can be flooded. */
  passwordReset: { email: { max: 3, minutes: 60 }, address: { max: 10, minutes: 60 } },
  /** Drafts sent to a collegium for review (each notifies every reviewer). */
  review: { account: { max: 10, minutes: 60 } },
  /** Meetings scheduled, changed or cancelled (each notifies every invitee with an .ics). */
  meeting: { account: { max: 20, minutes: 60 } },
  /** Accessibility feedback: each message is read by the platform admins. */
  accessibilityFeedback: { account: { max: 5, minutes: 60 }, address: { max: 10, minutes: 60 } },
  /** Consultation rounds created (each notifies every invited organization when it opens). */
  round: { account: { max: 10, minutes: 60 } },
  /** Texts of a draft in another language: each is a new document for translators to write. */
  draftText: { account: { max: 10, minutes: 60 } },
  /**
   * Citizens' sign-ups: each sends an e-mail (a link, or "you already have an account"). Per
   * e-mail so no one's inbox fills up; per address so a script is slowed down.
   */
  signUp: { email: { max: 3, minutes: 60 }, address: { max: 10, minutes: 60 } },
  /** Verification links asked for again by a signed-in person who has not verified yet. */
  verificationLink: { account: { max: 3, minutes: 60 } },
  /** Changes of e-mail address asked for (each sends a link to the new address). */
  emailChange: { account: { max: 3, minutes: 60 } },
  /**
   * Follow requests by visitors: each mails a confirmation link, so per target address (no
   * one's inbox can be flooded through the form) and per client address.
   */
  follow: { email: { max: 3, minutes: 60 }, address: { max: 20, minutes: 60 } },
  /** Grants of access to a draft and level changes: each notifies the person or a whole organization. */
  share: { account: { max: 40, minutes: 60 } },
  /**
   * Attachments uploaded to a draft's dossier (added or replaced): each is up to 5 MB kept
   * for good once a version freezes it, and every co-editor and reviewer reads it.
   */
  attachment: { account: { max: 30, minutes: 60 }, address: { max: 120, minutes: 60 } },
  /**
   * Answers given to a whole campaign group: one can answer 100,000 proposals, and each
   * author is told at publication.
   */
  groupAnswer: { account: { max: 60, minutes: 60 } },
  /**
   * Word files with tracked changes imported into a draft: each can hold hundreds of
   * suggestions for the editors to decide (the collab server bounds the open ones per person).
   */
  wordImport: { account: { max: 10, minutes: 60 }, address: { max: 30, minutes: 60 } },
  /** Answers given to a selection or to every proposal matching a filter: the same weight as a group's. */
  bulkAnswer: { account: { max: 60, minutes: 60 } },
  /** Flags on proposals and comments: each puts work on a moderator's list. */
  flag: { account: { max: 20, minutes: 60 }, address: { max: 60, minutes: 60 } },
} as const satisfies Record<string, Partial<Record<Subject, { max: number; minutes: number }>>>;

export type RateLimitedAction = keyof typeof RATE_LIMITS;
type Subject = "account" | "address" | "email";
export type RateSubjects = Partial<Record<Subject, string>>;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Thrown inside a transaction so that the whole write rolls back (see `enforceRateLimit`). */
export class RateLimitedError extends Error {
  constructor(
    readonly action: RateLimitedAction,
    readonly retryAfterSeconds: number,
    /** The form field that shows the refusal, when not the form's own error. */
    readonly field?: string,
  ) {
    super(`rate limited: ${action}`);
  }
  /** Translation key with the wait in minutes, for the field or form error. */
  get messageKey(): string {
    return rateLimitMessage(this.action, this.retryAfterSeconds);
  }
}

/** `rateLimits.<action>?minutes=N`: a translation key carrying its variable (see translate.ts). */
export function rateLimitMessage(action: RateLimitedAction, retryAfterSeconds: number): string {
  return `rateLimits.${action}?minutes=${Math.max(1, Math.ceil(retryAfterSeconds / 60))}`;
}

const rateKey = (action: RateLimitedAction, subject: Subject, value: string) =>
  `rate:${action}:${subject}:${subject === "email" ? value.trim().toLowerCase() : value}`;

/**
 * Counts `cost` units of `action` against every subject that has a limit. When any limit
 * is over, the units are given back (a refused attempt does not use up the budget of the
 * office behind the same address) and the caller learns how long to wait. Counting first
 * and checking the counted value makes concurrent requests unable to slip past together.
 */
export async function takeRateLimit(
  client: Db | Tx,
  action: RateLimitedAction,
  subjects: RateSubjects,
  cost = 1,
  now = new Date(),
): Promise<RateDecision> {
  if (cost <= 0) return { ok: true };
  // No transaction of its own: each counter is one atomic statement, so a burst on one key
  // never queues for pooled connections behind a row lock. Inside a caller's transaction the
  // counts roll back with its write.
  return take(client, action, subjects, cost, now);
}

async function take(
  client: Db | Tx,
  action: RateLimitedAction,
  subjects: RateSubjects,
  cost: number,
  now: Date,
): Promise<RateDecision> {
  const limits = RATE_LIMITS[action] as Partial<Record<Subject, { max: number; minutes: number }>>;
  const counted: string[] = [];
  let wait = 0;
  for (const subject of Object.keys(limits) as Subject[]) {
    const value = subjects[subject];
    const limit = limits[subject];
    if (!value || !limit) continue;
    const key = rateKey(action, subject, value);
    const windowMs = limit.minutes * 60_000;
    const row = await countInWindow(client, key, {
      cost,
      staleAt: new Date(now.getTime() - windowMs),
      now,
      window: "fixed",
    });
    counted.push(key);
    if (row.failures > limit.max) {
      wait = Math.max(wait, Math.ceil((row.lastFailureAt.getTime() + windowMs - now.getTime()) / 1000));
    }
  }
  if (wait === 0) return { ok: true };
  // One row per statement, in the order they were counted: a statement updating both rows
  // locks them in the order it scans the table, which differs between two concurrent refunds
  // once the rows have moved, and PostgreSQL then found them deadlocked in a burst.
  for (const key of counted) {
    await client.loginThrottle.update({ where: { key }, data: { failures: { decrement: cost } } });
  }
  return { ok: false, retryAfterSeconds: Math.max(1, wait) };
}

/** Like `takeRateLimit`, but throws `RateLimitedError`: for use inside the write's transaction. */
export async function enforceRateLimit(
  client: Db | Tx,
  action: RateLimitedAction,
  subjects: RateSubjects,
  cost = 1,
): Promise<void> {
  const decision = await takeRateLimit(client, action, subjects, cost);
  if (!decision.ok) throw new RateLimitedError(action, decision.retryAfterSeconds);
}

/** Forgets every counter (tests start each scenario from a quiet platform). */
export async function clearRateLimits(client: Db = db()): Promise<void> {
  await client.loginThrottle.deleteMany({ where: { key: { startsWith: "rate:" } } });
}

/** The 429 answer's header: how long a client (or a script's back-off) should wait. */
export const retryAfter = (seconds: number) => ({ "Retry-After": String(seconds) });
