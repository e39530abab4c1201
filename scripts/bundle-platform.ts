/**
 * The platform's server processes compiled into one file each (build/platform/): the web
 * server with its collab process (`scripts/start.ts`), that collab process (`collab/child.ts`),
 * and the standalone collab node (`collab/index.ts`). The same source `npm start` runs under
 * tsx, bundled by the same esbuild; node_modules stay outside, imported as usual.
 *
 * The tests start their platforms from it (tests/setup/platform-bundle.ts bundles it once per
 * run, in a fraction of a second): under tsx every start compiled and resolved each module
 * through tsx's loader thread again, about 3 s of CPU per platform before its first page,
 * against about 1 s bundled. Dozens of test files start a platform, on a 2-core machine.
 */
import path from "node:path";
import { bundleForNode } from "./bundle-node";

export const PLATFORM_BUNDLE_DIR = "build/platform";

/** Where each source entry point is compiled to. */
export const PLATFORM_ENTRIES = {
  "scripts/start.ts": "start.js",
  "collab/child.ts": "collab-child.js",
  "collab/index.ts": "collab.js",
} as const;

export type PlatformEntry = keyof typeof PLATFORM_ENTRIES;

export function bundledEntry(root: string, entry: PlatformEntry): string {
  return path.join(root, PLATFORM_BUNDLE_DIR, PLATFORM_ENTRIES[entry]);
}

export async function bundlePlatform(root = process.cwd()): Promise<void> {
  await bundleForNode({
    root,
    outdir: PLATFORM_BUNDLE_DIR,
    entries: Object.fromEntries(
      Object.entries(PLATFORM_ENTRIES).map(([source, out]) => [out.replace(/\.js$/, ""), source]),
    ),
    // server/collab-process.ts forks the compiled collab process beside it, not the source.
    define: { __PLATFORM_BUNDLE__: "true" },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await bundlePlatform();
