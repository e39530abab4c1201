import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { collabTuningFromEnv } from "../collab/env-tuning";
import { scaleOutFromEnv } from "../collab/scale-out";
import { attachCollabServer, type CollabServer } from "../collab/server";
import { env } from "../app/utils/env.server";
import { createApp, type AppOptions } from "./app";
import { startCollabProcess, type CollabProcess } from "./collab-process";
import { isHealthz, serveHealthz } from "./healthz";
import { applyHttpLimits, httpLimitsFromEnv, serverOptions } from "./http-limits";
import { refuseAllUpgrades } from "./refuse-upgrade";

/**
 * One HTTP server for the whole platform (the single-machine default): the web app, and
 * the collab WebSocket server on the same port at /collab (architecture.md). `collab`:
 * - `"separate-process"` (what `npm start` uses): the collab server runs in a child process
 *   and receives each upgrade's socket from this one (server/collab-process.ts), so page
 *   rendering here never delays live edits (decision 012);
 * - `true` (the default here, for tests and benchmarks): attached to this process;
 * - `false`: a web-only node (`npm run start:web`, behind a proxy that sends /collab to
 *   collab nodes) refuses every upgrade.
 * With `REDIS_URL` a collab server shares documents with the other nodes.
 */
export async function startServer(
  port: number,
  options: AppOptions & { collab?: boolean | "separate-process" },
): Promise<{ server: Server; collab: CollabServer | null; collabProcess: CollabProcess | null; port: number }> {
  const app = createApp(options);
  const redisUrl = env().REDIS_URL;
  const limits = httpLimitsFromEnv();
  const server = createServer(serverOptions(limits), (req, res) => {
    const backlog = collabProcess?.backlog;
    if (isHealthz(req)) void serveHealthz(res, { collab: collab ?? undefined, backlog, redisUrl });
    else app(req, res);
  });
  const collab: CollabServer | null =
    options.collab === false || options.collab === "separate-process"
      ? null
      : attachCollabServer(server, {
          expectedOrigin: options.appOrigin,
          ...collabTuningFromEnv().config,
          ...scaleOutFromEnv()?.options,
        });
  const collabProcess =
    options.collab === "separate-process"
      ? await startCollabProcess(server, { expectedOrigin: options.appOrigin })
      : null;
  applyHttpLimits(server, limits);
  if (options.collab === false) refuseAllUpgrades(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  return { server, collab, collabProcess, port: (server.address() as AddressInfo).port };
}
