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
 * `t("orgs.members", { count: 3 })`. A missing key shows the key itself (tests make sure
 * none is missing); `{name}` placeholders are replaced from `vars`.
 */
export function createTranslate(dictionary: Dictionary): Translate {
  return (key, vars) => {
    const text = lookup(dictionary, key) ?? key;
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
