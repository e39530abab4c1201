import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import RECORDED from "./test-durations.json";

const RECORDED_SECONDS: Record<string, number> = RECORDED;

/**
 * Starts the longest test files first, so that the run does not end waiting on one long file
 * begun late while the other workers sit idle. Vitest does this itself from the durations its
 * previous run recorded (node_modules/.vite). Without them (a fresh clone, or a run of other
 * files before) it ordered by file size, which put the accessibility files, a few lines each
 * and minutes of work, at the very end. Then this orders by the durations of a full run kept
 * in tests/setup/test-durations.json (scripts/record-test-durations.ts writes it), and a file
 * not in it by what it does: the accessibility matrix (hundreds of page visits), a browser and
 * a platform, a platform, neither; by size within each.
 *
 * Ranked only by what files do, every browser flow ran before any other file, four Chromiums
 * at a time for most of the run; in the measured order they mix with the other files (one run
 * without Vitest's record: 756 s of Vitest against 779 s, within this machine's noise).
 */
export default class SlowFilesFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const keyOf = (file: TestSpecification) => `${file.project.name}:${path.relative(root, file.moduleId)}`;
    const recorded = files.every((file) => this.ctx.cache.getFileTestResults(keyOf(file)));
    if (recorded) return super.sort(files);
    const weight = new Map(
      files.map((file) => [file, RECORDED_SECONDS[keyOf(file)] ?? expectedSeconds(file.moduleId)]),
    );
    return [...files].sort((a, b) => weight.get(b)! - weight.get(a)!);
  }
}

const SWEEPS_EVERY_PAGE = /sweepInLanguage\(/;
const STARTS_A_BROWSER = /appAndBrowserForThisFile\(|launchBrowser\(/;
const STARTS_A_PLATFORM = /startApp\(|startPlatform\(|startScaleCluster\(|startChildNode\(/;

/** A guess for a file no full run has recorded yet: seconds by rank, then more for more bytes. */
function expectedSeconds(file: string): number {
  const text = readFileSync(file, "utf8");
  const rank = SWEEPS_EVERY_PAGE.test(text)
    ? 150
    : STARTS_A_BROWSER.test(text)
      ? 30
      : STARTS_A_PLATFORM.test(text)
        ? 10
        : 0;
  return rank + statSync(file).size / 10_000;
}
