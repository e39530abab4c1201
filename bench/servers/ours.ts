// Our collab server, alone, on the benchmark's database (DATABASE_URL from the orchestrator).
// With REDIS_URL it is one node of several sharing documents over Redis (cross-node scenario).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { scaleOutFromEnv } from "../../collab/scale-out";
import { attachCollabServer } from "../../collab/server";
import { reportStatsOnRequest } from "../lib/server-stats";

const http = createServer((_req, res) => res.writeHead(404).end());
const collab = attachCollabServer(http, {
  unloadAfterMs: Number(process.env.UNLOAD_AFTER_MS ?? 30_000),
  ...(process.env.FLUSH_DELAY_MS ? { flushDelayMs: Number(process.env.FLUSH_DELAY_MS) } : {}),
  ...(process.env.RECHECK_MS ? { accessRecheckMs: Number(process.env.RECHECK_MS) } : {}),
  ...scaleOutFromEnv()?.options,
  // Every simulated person connects from this machine, a few accounts for thousands of sockets.
  maxSocketsPerAccount: Number.MAX_SAFE_INTEGER,
  maxSocketsPerAddress: Number.MAX_SAFE_INTEGER,
});
http.listen(0, "127.0.0.1", () => {
  reportStatsOnRequest(() => ({ rooms: collab.rooms.size }));
  process.send!({ type: "ready", port: (http.address() as AddressInfo).port });
});
