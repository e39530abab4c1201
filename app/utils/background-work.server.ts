/**
 * Work a request starts and does not wait for: grouping new proposals, bulk answers, the
 * summary DOCX built at publication. Each kind registers how to wait for it when its module
 * loads, so that whoever must not cut it short (a test file about to close its database)
 * waits for all of it, without loading every kind's module to ask.
 */
const waits = new Set<() => Promise<void>>();

export function registerBackgroundWork(whenDone: () => Promise<void>): void {
  waits.add(whenDone);
}

/** Resolves when the background work started so far in this process is done. */
export async function whenBackgroundWorkDone(): Promise<void> {
  for (const whenDone of waits) await whenDone();
}
