// Our collab server, alone, on the benchmark's database (DATABASE_URL from the orchestrator).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { attachCollabServer } from "../../collab/server";
import { reportStatsOnRequest } from "../lib/server-stats";

const http = createServer((_req, res) => res.writeHead(404).end());
attachCollabServer(http, {
  unloadAfterMs: Number(process.env.UNLOAD_AFTER_MS ?? 30_000),
  ...(process.env.FLUSH_DELAY_MS ? { flushDelayMs: Number(process.env.FLUSH_DELAY_MS) } : {}),
  ...(process.env.RECHECK_MS ? { accessRecheckMs: Number(process.env.RECHECK_MS) } : {}),
});
http.listen(0, "127.0.0.1", () => {
  reportStatsOnRequest();
  process.send!({ type: "ready", port: (http.address() as AddressInfo).port });
});
