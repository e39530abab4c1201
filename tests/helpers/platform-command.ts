import { bundledEntry, type PlatformEntry } from "../../scripts/bundle-platform";

/**
 * How a test starts one of the platform's processes: Node itself on the compiled entry point
 * (tests/setup/platform-bundle.ts made it for this run), so the child is the server process,
 * with no launcher in between to forward or swallow signals.
 */
export function platformCommand(entry: PlatformEntry, args: string[] = []): [string, string[]] {
  return [process.execPath, [bundledEntry(process.cwd(), entry), ...args]];
}
