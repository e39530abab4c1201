/**
 * `npm run dev`: rebuilds the app on every change (remix watch) and serves it; the
 * server re-imports the build when it changes, and restarts itself when server/ changes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { buildIfNeeded } from "./build-if-needed";

buildIfNeeded(process.cwd());
const environment: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "development",
  AGORA_SKIP_BUILD: "1",
  AGORA_DEV: "1",
};
const children: ChildProcess[] = [
  spawn("node_modules/.bin/remix", ["watch"], { stdio: "inherit", env: environment }),
  spawn("node_modules/.bin/tsx", ["watch", "--clear-screen=false", "--include", "server/**", "scripts/start.ts"], {
    stdio: "inherit",
    env: environment,
  }),
];
const stop = () => children.forEach((child) => child.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
