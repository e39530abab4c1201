import type { Reporter, TestModule } from "vitest/node";

/**
 * Ends the run with one plain line, "N passed, N failed", that any CI log reader understands,
 * and names every test that passed only on its retry (browser flows get one), so that noise
 * stays visible and a flow that keeps needing the retry is mended.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const retried: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
        if (state === "passed" && (test.diagnostic()?.retryCount ?? 0) > 0) {
          retried.push(`${module.moduleId.replace(`${process.cwd()}/`, "")} > ${test.fullName}`);
        }
      }
    }
    for (const name of retried) console.log(`passed on retry: ${name}`);
    console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped, ${retried.length} passed on retry`);
  }
}
