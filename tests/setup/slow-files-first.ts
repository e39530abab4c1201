import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Starts the longest test files first, so that the run does not end waiting on one long file
 * begun late while the other workers sit idle. Vitest does this itself from the durations its
 * previous run recorded (node_modules/.vite); without them (a fresh clone, or a run of other
 * files before) it orders by file size, which put the accessibility files, a few lines each
 * and minutes of work, at the very end. Then this ranks by what a file does: the accessibility
 * matrix (hundreds of page visits), a browser and a platform, a platform, neither; and by size
 * within each rank.
 */
export default class SlowFilesFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const recorded = files.every((file) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${path.relative(root, file.moduleId)}`),
    );
    if (recorded) return super.sort(files);
    const weight = new Map(files.map((file) => [file, expectedWeight(file.moduleId)]));
    return [...files].sort((a, b) => weight.get(b)! - weight.get(a)!);
  }
}

const SWEEPS_EVERY_PAGE = /sweepInLanguage\(/;
const STARTS_A_BROWSER = /appAndBrowserForThisFile\(|launchBrowser\(/;
const STARTS_A_PLATFORM = /startApp\(|startPlatform\(|startScaleCluster\(|startChildNode\(/;

/** Rank first, then bytes: a number that sorts by both at once. */
function expectedWeight(file: string): number {
  const text = readFileSync(file, "utf8");
  const rank = SWEEPS_EVERY_PAGE.test(text)
    ? 3
    : STARTS_A_BROWSER.test(text)
      ? 2
      : STARTS_A_PLATFORM.test(text)
        ? 1
        : 0;
  return rank * 1e9 + statSync(file).size;
}
