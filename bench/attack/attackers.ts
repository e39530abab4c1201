/**
 * Load processes of the "under attack" scenario: one attack per process (forked by
 * bench/attack.ts), so that no attack's CPU slows the editors who measure, nor another
 * attack. Each attack starts on the orchestrator's "go", runs for `durationMs`, then closes
 * every socket it holds and reports what the server did (refused, answered, closed). It
 * ends on time whatever the server does: stopping is synchronous.
 */
import http from "node:http";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { MESSAGE_AWARENESS } from "../../app/editor/collab-protocol";
import { Histogram } from "../lib/histogram";
import { sleep } from "../lib/sleep";
import { exitWithOrchestrator, measureStart } from "../load/fork";
import { ATTACKER_ADDRESS, openMany, socketPool, type SocketTally } from "./raw-sockets";

type Target = { port: number; durationMs: number };
export type AttackJob =
  | (Target & { kind: "dangling-upgrades"; count: number; paths: string[] })
  | (Target & { kind: "collab-handshakes"; count: number; room: string })
  | (Target & { kind: "slowloris"; count: number; byteEveryMs: number })
  | (Target & { kind: "huge-bodies"; count: number; bytes: number })
  | (Target & { kind: "pages"; connections: number; paths: string[] })
  | (Target & {
      kind: "awareness-flood";
      room: string;
      headers: Record<string, string>;
      states: number;
      stateBytes: number;
      everyMs: number;
    })
  | (Target & { kind: "sync-flood"; room: string; headers: Record<string, string>; frames: number; everyMs: number });

export type BodyOutcome = {
  framing: "content-length" | "chunked";
  /** MB the attacker got onto the wire before the outcome (or the end). */
  sentMb: number;
  /** The server's status, or how the attempt ended without one. */
  outcome: string;
  ms: number;
};
export type PagesResult = {
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  p50: number;
  p99: number;
  max: number;
};
export type FloodResult = {
  connections: number;
  /** Close codes the server sent (or "none" for a dropped socket), by count. */
  closes: Record<string, number>;
  framesSent: number;
  mbReceived: number;
};
export type AttackResult =
  | { kind: "sockets"; tally: SocketTally; extra?: Record<string, SocketTally> }
  | { kind: "bodies"; bodies: BodyOutcome[] }
  | { kind: "pages"; pages: PagesResult }
  | { kind: "flood"; flood: FloodResult };

const WS_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
const upgradeRequest = (path: string, port: number, extra = "") =>
  `GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
  `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${WS_KEY}\r\nOrigin: http://localhost:${port}\r\n${extra}`;

type Running = { stop: () => AttackResult };

/** WebSocket upgrades to paths that are not /collab, left open without a byte more. */
function danglingUpgrades(job: Extract<AttackJob, { kind: "dangling-upgrades" }>): Running {
  const pool = socketPool(job.port);
  void openMany(job.count, (i) =>
    pool.open((socket) => socket.write(`${upgradeRequest(job.paths[i % job.paths.length]!, job.port)}\r\n`)),
  );
  return { stop: () => ({ kind: "sockets", tally: pool.stop() }) };
}

/**
 * Upgrades to /collab that never become a WebSocket: half complete but signed out (the
 * server must answer and let go), half whose headers are never finished.
 */
function collabHandshakes(job: Extract<AttackJob, { kind: "collab-handshakes" }>): Running {
  const complete = socketPool(job.port);
  const unfinished = socketPool(job.port);
  const path = `/collab/${job.room}`;
  void openMany(job.count, (i) =>
    i % 2 === 0
      ? complete.open((socket) => socket.write(`${upgradeRequest(path, job.port)}\r\n`))
      : unfinished.open((socket) => socket.write(upgradeRequest(path, job.port))),
  );
  return {
    stop: () => {
      const signedOut = complete.stop();
      const neverFinished = unfinished.stop();
      return {
        kind: "sockets",
        tally: signedOut,
        extra: { "signed out, complete": signedOut, "headers never finished": neverFinished },
      };
    },
  };
}

/** Requests whose headers arrive one byte every `byteEveryMs` and never end. */
function slowloris(job: Extract<AttackJob, { kind: "slowloris" }>): Running {
  const pool = socketPool(job.port);
  const timers = new Set<NodeJS.Timeout>();
  void openMany(job.count, (i) =>
    pool.open((socket) => {
      const head = `GET /?slow=${i} HTTP/1.1\r\nHost: localhost:${job.port}\r\nX-Padding: `;
      let sent = 0;
      const timer = setInterval(() => {
        if (socket.destroyed) return clearInterval(timer);
        socket.write(sent < head.length ? head[sent]! : "a");
        sent++;
      }, job.byteEveryMs);
      timers.add(timer);
    }),
  );
  return {
    stop: () => {
      timers.forEach(clearInterval);
      return { kind: "sockets", tally: pool.stop() };
    },
  };
}

/**
 * POSTs of `bytes` to /login, all at once, streamed (the attacker holds 64 KiB at a time),
 * with the Origin a script can forge; half announce their size in Content-Length, half are
 * chunked (a limit that only reads the header does not see them). Each stops sending when
 * the server answers or drops it.
 */
const STILL_SENDING = "still sending at the end";

function hugeBodies(job: Extract<AttackJob, { kind: "huge-bodies" }>): Running {
  const chunk = Buffer.alloc(64 * 1024, "a");
  const started = performance.now();
  const bodies: (BodyOutcome & { request: http.ClientRequest; sent: number })[] = [];
  for (let i = 0; i < job.count; i++) {
    const framing = i % 2 === 0 ? "content-length" : "chunked";
    const request = http.request({
      host: "127.0.0.1",
      localAddress: ATTACKER_ADDRESS,
      port: job.port,
      path: "/login",
      method: "POST",
      agent: false,
      headers: {
        Host: `localhost:${job.port}`,
        Origin: `http://localhost:${job.port}`,
        "Content-Type": "application/x-www-form-urlencoded",
        ...(framing === "content-length" ? { "Content-Length": String(job.bytes) } : {}),
      },
    });
    const state: (typeof bodies)[number] = { framing, sentMb: 0, outcome: STILL_SENDING, ms: NaN, request, sent: 0 };
    bodies.push(state);
    let done = false;
    const finish = (outcome: string) => {
      if (done) return;
      done = true;
      state.outcome = outcome;
      state.ms = performance.now() - started;
      state.sentMb = state.sent / 2 ** 20;
    };
    request.on("response", (response) => {
      finish(`HTTP ${response.statusCode}`);
      response.resume();
      request.destroy();
    });
    request.on("error", (error: NodeJS.ErrnoException) => finish(`dropped (${error.code ?? error.message})`));
    request.write("email=");
    const pump = () => {
      while (!done && state.sent < job.bytes) {
        const piece = job.bytes - state.sent >= chunk.length ? chunk : chunk.subarray(0, job.bytes - state.sent);
        state.sent += piece.length;
        if (!request.write(piece)) return request.once("drain", pump);
      }
      if (done) return;
      request.end();
      state.outcome = "sent in full, no answer by the end";
    };
    pump();
  }
  return {
    stop: () => ({
      kind: "bodies",
      bodies: bodies.map(({ request, sent, ...outcome }) => {
        request.destroy();
        // Not finished (no answer, no drop): what got onto the wire by the end.
        return Number.isNaN(outcome.ms) ? { ...outcome, sentMb: sent / 2 ** 20 } : outcome;
      }),
    }),
  };
}

/** `connections` keep-alive connections, each loading the pages in turn as fast as answered. */
function pages(job: Extract<AttackJob, { kind: "pages" }>): Running {
  const latencies = new Histogram();
  const statuses: Record<string, number> = {};
  let errors = 0;
  let stopped = false;
  const agents = Array.from({ length: job.connections }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const get = (agent: http.Agent, path: string) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const request = http.get(
        {
          host: "127.0.0.1",
          localAddress: ATTACKER_ADDRESS,
          port: job.port,
          path,
          agent,
          timeout: 10_000,
          headers: { Host: `localhost:${job.port}`, "Accept-Language": "hy" },
        },
        (response) => {
          response.resume();
          response.on("end", () => {
            if (!stopped) {
              latencies.record(performance.now() - start);
              statuses[response.statusCode!] = (statuses[response.statusCode!] ?? 0) + 1;
            }
            resolve();
          });
          response.on("error", () => resolve());
        },
      );
      request.on("timeout", () => request.destroy(new Error("timeout")));
      request.on("error", () => {
        if (!stopped) errors++;
        // A refused connection is retried after a pause, not in a tight loop.
        setTimeout(resolve, 100);
      });
    });
  agents.forEach(async (agent, i) => {
    for (let n = i; !stopped; n++) await get(agent, job.paths[n % job.paths.length]!);
  });
  return {
    stop: () => {
      stopped = true;
      agents.forEach((agent) => agent.destroy());
      const requests = latencies.count;
      return {
        kind: "pages",
        pages: {
          requests,
          statuses,
          errors,
          p50: latencies.percentile(50),
          p99: latencies.percentile(99),
          max: latencies.percentile(100),
        },
      };
    },
  };
}

/** One awareness frame carrying `clientId`'s state at `clock` (the y-protocols encoding). */
function awarenessFrame(clientId: number, clock: number, stateJson: string): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, stateJson);
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** SyncStep1 with an empty state vector: "send me the whole document" (4 bytes). */
const EMPTY_SYNC_STEP1 = new Uint8Array([0, 0, 1, 0]);

/**
 * A signed-in commenter's connection that sends a burst every `everyMs` (built by `burst`),
 * reading and counting what comes back; dropped, it comes back after half a second.
 */
function flood(
  job: { port: number; room: string; headers: Record<string, string>; everyMs: number },
  burst: (round: number) => Uint8Array[],
): Running {
  const result: FloodResult = { connections: 0, closes: {}, framesSent: 0, mbReceived: 0 };
  let stopped = false;
  let ws: WebSocket | null = null;
  let round = 0;
  const connect = () => {
    if (stopped) return;
    result.connections++;
    const socket = new WebSocket(`ws://127.0.0.1:${job.port}/collab/${job.room}`, {
      headers: { Host: `localhost:${job.port}`, ...job.headers },
      localAddress: ATTACKER_ADDRESS,
    });
    ws = socket;
    socket.on("open", () => socket.send(EMPTY_SYNC_STEP1));
    socket.on("message", (data: Buffer) => (result.mbReceived += data.byteLength / 2 ** 20));
    socket.on("error", () => undefined);
    socket.on("close", (code) => {
      if (stopped) return;
      result.closes[code] = (result.closes[code] ?? 0) + 1;
      setTimeout(connect, 500);
    });
  };
  connect();
  const timer = setInterval(() => {
    if (ws?.readyState !== WebSocket.OPEN) return;
    for (const frame of burst(round++)) {
      ws.send(frame);
      result.framesSent++;
    }
  }, job.everyMs);
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
      ws?.terminate();
      return { kind: "flood", flood: result };
    },
  };
}

function start(job: AttackJob): Running {
  switch (job.kind) {
    case "dangling-upgrades":
      return danglingUpgrades(job);
    case "collab-handshakes":
      return collabHandshakes(job);
    case "slowloris":
      return slowloris(job);
    case "huge-bodies":
      return hugeBodies(job);
    case "pages":
      return pages(job);
    case "awareness-flood": {
      const stateJson = JSON.stringify({ user: { name: "x" }, padding: "a".repeat(job.stateBytes) });
      // Client ids the editors never use; each burst raises every state's clock, so each is new.
      return flood(job, (round) =>
        Array.from({ length: job.states }, (_, i) => awarenessFrame(900_000 + i, round + 1, stateJson)),
      );
    }
    case "sync-flood":
      return flood(job, () => Array.from({ length: job.frames }, () => EMPTY_SYNC_STEP1));
  }
}

if (process.send) {
  exitWithOrchestrator();
  process.once("message", async (job: AttackJob) => {
    await measureStart();
    const running = start(job);
    await sleep(job.durationMs);
    // Whatever is still in flight (a body mid-write) must not keep the process alive.
    process.send!({ type: "result", result: running.stop() }, () => process.exit(0));
  });
}
