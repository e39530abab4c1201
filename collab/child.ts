/**
 * The collab server in a process of its own behind the web process's port (the default of
 * `npm start`, server/collab-process.ts): the web process accepts every connection and hands
 * each WebSocket upgrade here with its socket, so page rendering never shares this event
 * loop with live editing. The upgrade is then decided exactly as on a collab node of its
 * own (origin, session, policy, quotas in collab/server.ts); the socket is ours afterwards.
 */
import { createServer, IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { emitDraftAccessChangedHere } from "../app/utils/draft-events.server";
import { env } from "../app/utils/env.server";
import { redisBus } from "../app/utils/redis-bus.server";
import { refuseUpgrade } from "../server/refuse-upgrade";
import { collabTuningFromEnv } from "./env-tuning";
import { persistenceBacklog } from "./persistence-backlog";
import { scaleOutFromEnv } from "./scale-out";
import { attachCollabServer } from "./server";
import type { FromCollabProcess, ToCollabProcess } from "./upgrade-handoff";

const BACKLOG_REPORT_MS = 1_000;

const send = (message: FromCollabProcess) => process.send?.(message);
const config = env();
const tuning = collabTuningFromEnv();
const scaleOut = scaleOutFromEnv({ holdMs: tuning.compactionHoldMs });
// Never listens: upgrades arrive from the web process, and are emitted on it as its own.
const http = createServer();
const collab = attachCollabServer(http, {
  expectedOrigin: process.env.AGORA_COLLAB_EXPECTED_ORIGIN || config.APP_ORIGIN,
  ...tuning.config,
  ...scaleOut?.options,
});

process.on("message", (message: ToCollabProcess, handle: unknown) => {
  if (message.type === "upgrade") {
    if (!(handle instanceof Socket)) return;
    const request = Object.assign(new IncomingMessage(handle), {
      method: message.method,
      url: message.url,
      headers: message.headers,
    });
    try {
      http.emit("upgrade", request, handle, Buffer.from(message.head, "base64"));
    } catch (error) {
      console.error("collab: handed-over upgrade failed", error);
      refuseUpgrade(handle, 503);
    }
  } else if (message.type === "access-changed") {
    emitDraftAccessChangedHere(message.draftId);
  } else if (message.type === "close") {
    void shutdown();
  }
});

// Tells the web process what is not stored yet, for /healthz.
const report = setInterval(() => {
  persistenceBacklog(collab)
    .then((backlog) => send({ type: "backlog", backlog }))
    .catch(() => undefined);
}, BACKLOG_REPORT_MS);
report.unref();

let closing: Promise<void> | undefined;
function shutdown(): Promise<void> {
  closing ??= (async () => {
    clearInterval(report);
    await collab.close();
    scaleOut?.relay.close();
    await redisBus()?.close();
    process.exit(0);
  })();
  return closing;
}
// Stores every open document when the web process stops, or dies and leaves us alone.
process.once("disconnect", () => void shutdown());
process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());

send({ type: "ready" });
