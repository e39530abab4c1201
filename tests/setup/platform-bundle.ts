import { bundlePlatform } from "../../scripts/bundle-platform";

/**
 * Compiles the platform's server processes once per test run, from the source as it is now,
 * so that every platform a test starts runs the current code without tsx compiling it again
 * (scripts/bundle-platform.ts). The web pages come from `build/` as ever (`npm test` builds it).
 */
export default async function setup() {
  await bundlePlatform();
}
