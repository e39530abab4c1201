import { build } from "esbuild";

/**
 * Source entry points (by output name) compiled by esbuild into one ES module each for Node:
 * our own modules bundled, packages imported from node_modules as they are.
 */
export async function bundleForNode(options: {
  root: string;
  outdir: string;
  entries: Record<string, string>;
  define?: Record<string, string>;
}): Promise<void> {
  await build({
    absWorkingDir: options.root,
    entryPoints: Object.entries(options.entries).map(([out, source]) => ({ in: source, out })),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outdir: options.outdir,
    packages: "external",
    define: options.define,
    logLevel: "warning",
  });
}
