import { execFileSync } from "node:child_process";

/** Runs `prisma migrate diff` between two schema files and returns the SQL (empty when equal). */
export function diffSchemas(from: string | null, to: string): string {
  const fromArgs = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
  return execFileSync(
    "node_modules/.bin/prisma",
    ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", to, "--script"],
    { encoding: "utf8", env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
  );
}

/** True when a diff script contains no statement (Prisma prints a comment for an empty diff). */
export function isEmptyDiff(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}
