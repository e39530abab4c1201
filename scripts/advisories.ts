/**
 * The offline stand-in for `npm audit`: every production package in package-lock.json must be
 * at least the version that fixed each advisory listed in security/advisories.json. Dev-only
 * packages are left out (they never run in production). Pure functions, so a test can feed
 * it a lock file with an old version and see it refused.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export type Advisory = { package: string; fixedIn: string; summary: string };
export type LockFile = { packages: Record<string, { version?: string; dev?: boolean; name?: string }> };
export type Finding = { package: string; installed: string; fixedIn: string; where: string; summary: string };

/** Compares two release versions (x.y.z, pre-release tags ordered before the release). */
export function compareVersions(a: string, b: string): number {
  const [coreA = "", preA] = a.split("-", 2);
  const [coreB = "", preB] = b.split("-", 2);
  const partsA = coreA.split(".").map(Number);
  const partsB = coreB.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const difference = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

/** The package name of a lock entry ("node_modules/a/node_modules/@s/b" → "@s/b"). */
function packageNameOf(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf("node_modules/") + "node_modules/".length);
}

export function findVulnerable(lock: LockFile, advisories: Advisory[]): Finding[] {
  const findings: Finding[] = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (!where.includes("node_modules/") || entry.dev || !entry.version) continue;
    const name = packageNameOf(where);
    for (const advisory of advisories) {
      if (advisory.package !== name || compareVersions(entry.version, advisory.fixedIn) >= 0) continue;
      findings.push({
        package: name,
        installed: entry.version,
        fixedIn: advisory.fixedIn,
        where,
        summary: advisory.summary,
      });
    }
  }
  return findings;
}

export function readAdvisories(root: string): Advisory[] {
  const file = JSON.parse(readFileSync(path.join(root, "security", "advisories.json"), "utf8")) as {
    advisories: Advisory[];
  };
  return file.advisories;
}

export function readLockFile(root: string): LockFile {
  return JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as LockFile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd();
  const findings = findVulnerable(readLockFile(root), readAdvisories(root));
  for (const f of findings) console.error(`${f.where} ${f.installed} < ${f.fixedIn}: ${f.summary}`);
  if (findings.length > 0) process.exit(1);
  console.log("advisories: no production dependency older than a listed fix");
}
