import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Every route module in app/routes, read from the files themselves, so that a route added
 * later is covered by the security tests without anyone remembering to list it.
 */
export type RouteModule = {
  /** File name, e.g. `drafts.$draftId.edit.tsx`. */
  file: string;
  /** URL pattern in Remix's flat-routes convention, e.g. `/drafts/:draftId/edit`. */
  pattern: string;
  hasLoader: boolean;
  hasAction: boolean;
};

const ROUTES_DIR = path.resolve(__dirname, "../../app/routes");

function exportsNamed(source: string, name: string): boolean {
  return new RegExp(`export\\s+(async\\s+)?(function|const|let)\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b`).test(
    source,
  );
}

/** `rounds.$roundId.summary[.]csv.tsx` -> `/rounds/:roundId/summary.csv`. */
export function patternOf(file: string): string {
  const stem = file.replace(/\.(tsx|ts|jsx|js)$/, "");
  const segments = stem
    .replaceAll("[.]", "\u0000")
    .split(".")
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    // A trailing "_" (`$bodyId_`) only keeps the route out of its parent's layout.
    .map((s) =>
      s
        .replaceAll("\u0000", ".")
        .replace(/_$/, "")
        .replace(/^\$(.+)$/, ":$1"),
    );
  return "/" + segments.join("/");
}

export function routeModules(): RouteModule[] {
  return readdirSync(ROUTES_DIR)
    .filter((file) => /\.(tsx|ts|jsx|js)$/.test(file))
    .sort()
    .map((file) => {
      const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
      return {
        file,
        pattern: patternOf(file),
        hasLoader: exportsNamed(source, "loader"),
        hasAction: exportsNamed(source, "action"),
      };
    });
}

/** Fills `:param` placeholders; a missing value is an error naming the parameter. */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
}
