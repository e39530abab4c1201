/**
 * Submissions go before grouping in this process. Grouping runs after a submission's commit
 * and may be late without harm (an ungrouped proposal is found again); a submission waits for
 * its answer. So before each of its batches, grouping waits until no submission is waiting to
 * be written: with a campaign at full speed, the submissions' batches get the database (and
 * SQLite's one writer) first, and grouping catches up between them.
 */
let idle: Promise<void> | null = null;
let wake: (() => void) | null = null;

/** The intake has submissions to write (true), or has written all it had (false). */
export function intakeBusy(busy: boolean): void {
  if (busy) {
    idle ??= new Promise<void>((resolve) => (wake = resolve));
    return;
  }
  wake?.();
  idle = wake = null;
}

/** Resolves when no submission is waiting to be written. */
export function intakeIdle(): Promise<void> {
  return idle ?? Promise.resolve();
}
