import { fork, type ChildProcess } from "node:child_process";
import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { onDraftAccessChanged } from "../app/utils/draft-events.server";
import type { PersistenceBacklog } from "../app/utils/health.server";
import type { FromCollabProcess, ToCollabProcess } from "../collab/upgrade-handoff";
import { refuseUpgrade } from "./refuse-upgrade";

/** Defined as `true` in the platform bundle (scripts/bundle-platform.ts); absent when run from source. */
declare const __PLATFORM_BUNDLE__: boolean | undefined;
const FROM_BUNDLE = typeof __PLATFORM_BUNDLE__ !== "undefined";
/** The bundle carries the collab process beside it, already compiled; from source it runs under tsx. */
const CHILD = fileURLToPath(new URL(FROM_BUNDLE ? "./collab-child.js" : "../collab/child.ts", import.meta.url));
const RESTART_DELAY_MS = 1_000;
const CLOSE_WAIT_MS = 15_000;
const START_WAIT_MS = 60_000;

export type CollabProcess = {
  /** What the collab process last reported as not stored yet (for /healthz). */
  backlog(): Promise<PersistenceBacklog>;
  /** Stores every open document and ends the collab process. */
  close(): Promise<void>;
  /** For tests and monitoring: the collab process's id (it changes after a restart). */
  pid(): number | undefined;
};

const NOTHING_PENDING: PersistenceBacklog = {
  openDocuments: 0,
  unsavedUpdates: 0,
  failingDocuments: 0,
  failingForSeconds: 0,
};

/**
 * The collab server in a child process behind this server's port: every WebSocket upgrade
 * is handed to it with its socket (collab/child.ts decides it as a collab node would), so
 * the pages this process renders never hold up an edit on its way to the other editors.
 * Access changes made here are relayed to it at once. If it dies it is started again;
 * meanwhile upgrades are refused with 503 and the editors' clients reconnect.
 */
export async function startCollabProcess(server: Server, options: { expectedOrigin?: string }): Promise<CollabProcess> {
  let child: ChildProcess | null = null;
  let ready = false;
  let closing = false;
  let lastBacklog = NOTHING_PENDING;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const started = fork(CHILD, [], {
        // Under `tsx` the loader is in execArgv already; elsewhere (tests) it is added.
        execArgv: FROM_BUNDLE
          ? []
          : process.execArgv.some((arg) => arg.includes("tsx"))
            ? process.execArgv
            : ["--import", "tsx"],
        env: { ...process.env, AGORA_COLLAB_EXPECTED_ORIGIN: options.expectedOrigin ?? "" },
        serialization: "json",
      });
      child = started;
      const timer = setTimeout(() => reject(new Error("the collab process did not start")), START_WAIT_MS);
      started.on("message", (message: FromCollabProcess) => {
        if (message.type === "ready") {
          ready = true;
          clearTimeout(timer);
          resolve();
        } else if (message.type === "backlog") {
          lastBacklog = message.backlog;
        }
      });
      started.once("exit", (code, signal) => {
        clearTimeout(timer);
        ready = false;
        if (child === started) child = null;
        if (closing) return;
        console.error(`collab process ended (${signal ?? code}); starting it again`);
        reject(new Error(`the collab process ended (${signal ?? code})`));
        setTimeout(() => void start().catch((error: unknown) => console.error(error)), RESTART_DELAY_MS).unref();
      });
    });

  const send = (message: ToCollabProcess, socket?: Socket) =>
    new Promise<boolean>((resolve) => {
      const target = child;
      if (!target?.connected || !ready) return resolve(false);
      target.send(message, socket, { keepOpen: false }, (error) => resolve(!error));
    });

  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const handoff: ToCollabProcess = {
      type: "upgrade",
      method: request.method ?? "GET",
      url: request.url ?? "/",
      headers: request.headers,
      head: head.toString("base64"),
    };
    void send(handoff, socket as Socket).then((sent) => {
      if (!sent) refuseUpgrade(socket, 503);
    });
  });
  const stopRelay = onDraftAccessChanged((draftId) => void send({ type: "access-changed", draftId }));

  await start();
  return {
    backlog: () => Promise.resolve(lastBacklog),
    pid: () => child?.pid,
    close: async () => {
      closing = true;
      stopRelay();
      const target = child;
      if (!target || target.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => target.once("exit", () => resolve()));
      if (target.connected) target.send({ type: "close" } satisfies ToCollabProcess);
      const timer = setTimeout(() => target.kill("SIGKILL"), CLOSE_WAIT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
