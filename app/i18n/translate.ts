export type Dictionary = { [key: string]: string | Dictionary };
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

function lookup(dictionary: Dictionary, key: string): string | undefined {
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * Errors travel from actions to forms as translation keys; one that needs a number carries
 * it after `?` (`rateLimits.proposal?minutes=5`), so every form that shows `t(error)` can
 * show it without knowing which errors have variables.
 */
function splitKey(key: string): { key: string; vars: Record<string, string> } {
  const at = key.indexOf("?");
  if (at < 0) return { key, vars: {} };
  return { key: key.slice(0, at), vars: Object.fromEntries(new URLSearchParams(key.slice(at + 1))) };
}

/**
 * `t("orgs.members", { count: 3 })`. A missing key shows the key itself (tests make sure
 * none is missing); `{name}` placeholders are replaced from `vars`.
 */
export function createTranslate(dictionary: Dictionary): Translate {
  return (fullKey, explicitVars) => {
    const { key, vars: keyVars } = splitKey(fullKey);
    const vars = fullKey === key ? explicitVars : { ...keyVars, ...explicitVars };
    const text = lookup(dictionary, key) ?? fullKey;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

/** All dotted keys of a dictionary, for the missing-translation test. */
export function flattenKeys(dictionary: Dictionary, prefix = ""): string[] {
  return Object.entries(dictionary).flatMap(([key, value]) =>
    typeof value === "string" ? [prefix + key] : flattenKeys(value, `${prefix}${key}.`),
  );
}
