/**
 * `npm test`: every check and every Vitest test; exits non-zero on the first failure.
 *
 * The checks do not depend on one another, so they run side by side: installing the Debian
 * tools the browser and export tests need (network and disk, minutes on a fresh machine)
 * beside the schema check and the build. Vitest needs those three (browsers, a consistent
 * schema, the built server its platforms start), so it starts when they end; the type check,
 * lint and formatting check go on beside it, since no test needs them. Run one after the
 * other they cost the sum of their times before the first test began. Each check's output is
 * printed whole when it ends, so that two checks never interleave their lines.
 */
import { spawn, type ChildProcess } from "node:child_process";

type Check = { name: string; command: string; args: string[] };

const npmRun = (script: string): Check => ({ name: script, command: "npm", args: ["run", "-s", script] });

/**
 * The same check at the lowest CPU priority (Linux's `nice`): it gets the cores while Vitest's
 * files wait on browsers, platforms and sockets, and gives them back when a test needs them.
 * At the same priority the three checks took a core from the tests for minutes.
 */
const inIdleTime = (check: Check): Check =>
  process.platform === "linux"
    ? { ...check, command: "nice", args: ["-n", "19", check.command, ...check.args] }
    : check;

/** What the tests need before the first one starts. */
const BEFORE_TESTS: Check[] = [
  { name: "test tools", command: "node_modules/.bin/tsx", args: ["scripts/ensure-test-tools.ts"] },
  npmRun("db:check"),
  npmRun("build"),
];
/** What no test needs: it runs from the start, beside the others and then beside Vitest. */
const BESIDE_TESTS: Check[] = [npmRun("typecheck"), npmRun("lint"), npmRun("format:check")].map(inIdleTime);
const VITEST: Check = { name: "vitest", command: "node_modules/.bin/vitest", args: ["run", ...process.argv.slice(2)] };

const running = new Set<ChildProcess>();

/** Runs one check; the first to fail stops the others and `npm test` at once. */
function run(check: Check, { streamed }: { streamed: boolean }): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(check.command, check.args, { stdio: streamed ? "inherit" : ["ignore", "pipe", "pipe"] });
    running.add(child);
    const output: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("close", (code) => {
      running.delete(child);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (!streamed) process.stdout.write(Buffer.concat(output));
      console.log(`${code === 0 ? "✓" : "✗"} ${check.name} (${seconds} s)`);
      if (code !== 0) {
        for (const other of running) other.kill("SIGTERM");
        console.error(`npm test stopped: ${check.name} failed`);
        process.exit(1);
      }
      resolve();
    });
  });
}

const beside = Promise.all(BESIDE_TESTS.map((check) => run(check, { streamed: false })));
await Promise.all(BEFORE_TESTS.map((check) => run(check, { streamed: false })));
// Vitest shows its progress as it goes.
await Promise.all([run(VITEST, { streamed: true }), beside]);
