import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * One folder per test run for the demo world template (tests/helpers/platform-template.ts):
 * the first test file that starts a platform makes the template there, the others copy it.
 * Removed when the run ends, so a changed migration or seed never meets an old template.
 */
export default function setup(project: TestProject) {
  const folder = mkdtempSync(path.join(tmpdir(), "agora-template-"));
  project.provide("platformTemplateFolder", folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
