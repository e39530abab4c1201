import { describe, expect, it } from "vitest";
import { compareVersions, findVulnerable, readAdvisories, readLockFile } from "../../scripts/advisories";

const root = process.cwd();

describe("dependency advisories (the offline npm audit)", () => {
  it("no production dependency in package-lock.json is older than a listed fix", () => {
    expect(findVulnerable(readLockFile(root), readAdvisories(root))).toEqual([]);
  });

  it("lists the address-parser and array-limit fixes the platform depends on", () => {
    const listed = Object.fromEntries(readAdvisories(root).map((a) => [a.package, a.fixedIn]));
    expect(listed).toMatchObject({ nodemailer: "7.0.11", qs: "6.14.1" });
  });

  it("refuses an old copy anywhere in the tree, and ignores dev-only packages", () => {
    const lock = {
      packages: {
        "": { name: "agora" },
        "node_modules/nodemailer": { version: "7.0.10" },
        "node_modules/express/node_modules/qs": { version: "6.13.0" },
        "node_modules/@types/qs": { version: "6.0.0", dev: true },
        "node_modules/some-dev-tool/node_modules/qs": { version: "6.1.0", dev: true },
        "node_modules/qs": { version: "6.14.1" },
      },
    };
    const findings = findVulnerable(lock, readAdvisories(root));
    expect(findings.map((f) => `${f.where}@${f.installed}`).sort()).toEqual([
      "node_modules/express/node_modules/qs@6.13.0",
      "node_modules/nodemailer@7.0.10",
    ]);
  });

  it("orders versions numerically, pre-releases before their release", () => {
    expect(compareVersions("6.14.10", "6.14.9")).toBe(1);
    expect(compareVersions("7.0.11", "7.0.11")).toBe(0);
    expect(compareVersions("7.0.11-beta.1", "7.0.11")).toBe(-1);
    expect(compareVersions("0.1.12", "6.0.0")).toBe(-1);
  });
});
