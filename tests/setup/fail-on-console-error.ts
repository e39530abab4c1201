import { afterEach, beforeEach, vi } from "vitest";

/** An unexpected console.error is a bug: fail the test that caused it (Epic Stack's rule). */
let spy: ReturnType<typeof vi.spyOn> | undefined;

beforeEach(() => {
  spy = vi.spyOn(console, "error");
});

afterEach(() => {
  const calls = spy?.mock.calls ?? [];
  spy?.mockRestore();
  if (calls.length > 0) {
    throw new Error(`console.error was called:\n${calls.map((args) => args.map(String).join(" ")).join("\n")}`);
  }
});
