/**
 * `npm start`: build if needed, migrate, load demo data on first start, serve.
 * One port serves the web app and the collab WebSocket (the collab server in a child process
 * of its own, decision 012; `COLLAB_PROCESS=shared` keeps it in this one); `--web-only`
 * (`npm run start:web`) serves the web app alone, for deployments with separate collab
 * nodes (docs/deployment.md).
 */
import { startBackgroundJobs } from "../app/models/notifications/background-jobs.server";
import { env, envProblems } from "../app/utils/env.server";
import { redisBus } from "../app/utils/redis-bus.server";
import { startServer } from "../server/index";
import { buildIfNeeded } from "./build-if-needed";
import { prepareDatabase } from "./prepare-database";

const root = process.cwd();
// A wrong setting stops the start with a message the operator can act on, not a stack trace.
const problems = envProblems();
if (problems.length > 0) {
  console.error(`Agora cannot start: the configuration is incomplete.\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
const config = env();
if (!process.env.AGORA_SKIP_BUILD) buildIfNeeded(root);
await prepareDatabase(config.DATABASE_URL, { seed: config.NODE_ENV !== "production" });
const { server, collab, collabProcess, port } = await startServer(config.PORT, {
  root,
  appOrigin: config.APP_ORIGIN,
  reloadBuild: process.env.AGORA_DEV === "1",
  // The collab server has a process of its own behind the same port unless told to share this one.
  collab: process.argv.includes("--web-only") ? false : config.COLLAB_PROCESS === "shared" ? true : "separate-process",
});
console.log(`Agora is running at http://localhost:${port}`);
// Opens and closes consultation rounds by the clock and sends pending e-mail; safe with
// several processes (each piece of work is claimed by a conditional update).
const stopScheduler = startBackgroundJobs(config.ROUND_SCHEDULER_MS);

const SHUTDOWN_GRACE_MS = 1_000;

// Store every open document before exiting (a crash loses nothing acknowledged either).
const shutdown = async () => {
  stopScheduler();
  await collab?.close();
  await collabProcess?.close();
  await redisBus()?.close();
  server.close(() => process.exit(0));
  server.closeAllConnections();
  // WebSocket sockets handed to the collab process stay counted by this server until that
  // process reports them closed, which it cannot once it has exited: by now every document
  // is stored and every connection closed, so nothing is left to wait for.
  setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS);
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
