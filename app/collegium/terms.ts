/**
 * Terms of office on a collegium's roll. A term runs from `termStart` to `termEnd`
 * inclusive; an open term (`termEnd` null) runs on. Pure functions: the web app, the
 * models and the tests share them.
 */
export type Term = { termStart: Date; termEnd: Date | null };

/** In office at moment `at`, boundaries included. */
export function inOffice(term: Term, at: Date): boolean {
  return term.termStart.getTime() <= at.getTime() && (term.termEnd === null || at.getTime() <= term.termEnd.getTime());
}

/** Two terms share at least one moment (touching boundaries count as overlapping). */
export function termsOverlap(a: Term, b: Term): boolean {
  const aEnd = a.termEnd?.getTime() ?? Number.POSITIVE_INFINITY;
  const bEnd = b.termEnd?.getTime() ?? Number.POSITIVE_INFINITY;
  return a.termStart.getTime() <= bEnd && b.termStart.getTime() <= aEnd;
}
