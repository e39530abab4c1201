/**
 * A refusal by a rule of the domain (a closed round, a decision after closing) that the
 * person can understand: `key` is a translation key, `field` where to show it.
 */
export class RuleError extends Error {
  constructor(
    readonly key: string,
    readonly field = "form",
  ) {
    super(key);
  }
}
