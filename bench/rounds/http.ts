import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { whenReady, WEB_READY } from "../../scripts/child-ready";

export type Platform = {
  origin: string;
  pid: number;
  /** CPU time (user + system) the server process has used so far, in ms (10 ms resolution). */
  cpuMs: () => number;
  /** Resident set size now and at its peak, in MB. */
  memory: () => { rssMb: number; peakMb: number };
  /** What the platform printed (for errors). */
  output: () => string;
  /** Starts a new peak: the next `memory().peakMb` is the highest RSS from now on. */
  resetPeak: () => void;
  /** Resolves when the platform process ends, however it ends (a bench that may kill it watches this). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
};

/** A port that is free right now (the operating system picks it). */
function portNobodyUses(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = http.createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real platform (`scripts/start.ts`, the entry of `npm start`) in its own process
 * on a free port, as tests/helpers/app-server.ts does, with Node's CPU profiler if asked and
 * `nodeArgs` before the entry (e.g. `--import` of a monitor).
 */
export async function startPlatform(
  env: Record<string, string>,
  profileDir?: string,
  nodeArgs: string[] = [],
): Promise<Platform> {
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  // Production requires APP_ORIGIN, so the port is chosen here, before the start.
  const freePort = await portNobodyUses();
  const child = spawn(process.execPath, ["--import", "tsx", ...profile, ...nodeArgs, "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(freePort),
      APP_ORIGIN: `http://localhost:${freePort}`,
      AGORA_SKIP_BUILD: "1",
      // Every simulated participant connects from this machine: no per-address connection cap.
      HTTP_MAX_CONNECTIONS_PER_ADDRESS: "1000000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { port, output, stop } = await whenReady(child, WEB_READY, "platform");
  const pid = child.pid!;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    exited,
    origin: `http://localhost:${port}`,
    pid,
    cpuMs: () => {
      // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks of 10 ms; the name in
      // field 2 is in parentheses and may hold spaces, so count from the closing one.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    memory: () => {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (name: string) => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))?.[1] ?? 0);
      return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
    },
    output,
    // Linux: writing 5 to clear_refs resets the process's peak RSS (VmHWM) to its current RSS.
    resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, "5"),
    // SIGTERM: the platform's own shutdown, which lets --cpu-prof write its file.
    stop,
  };
}

export type Timed = { ms: number; status: number; wireBytes: number; body: Buffer; headers: http.IncomingHttpHeaders };

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
/** A second connection, for a request sent while another one is still being served. */
export const otherAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

type RequestOptions = { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string; agent?: http.Agent };

/**
 * One request as a browser makes it (keep-alive, compressed if the server wants), timed from
 * sending to the last byte received. The body is returned decompressed, outside the timing.
 * A GET on a kept-alive connection the server closed meanwhile is sent again on a new one,
 * as browsers do (the timing restarts).
 */
export async function timedRequest(url: string, options: RequestOptions = {}): Promise<Timed> {
  try {
    return await requestOnce(url, options);
  } catch (error) {
    const reused = (error as { reusedSocket?: boolean }).reusedSocket;
    if (!reused || (options.method ?? "GET") !== "GET" || (error as NodeJS.ErrnoException).code !== "ECONNRESET") {
      throw error;
    }
    return requestOnce(url, options);
  }
}

function requestOnce(url: string, options: RequestOptions): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const request = http.request(
      url,
      {
        method: options.method ?? "GET",
        agent: options.agent ?? agent,
        headers: { "Accept-Encoding": "gzip, deflate, br", "Accept-Language": "hy", ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const ms = performance.now() - start;
          const raw = Buffer.concat(chunks);
          const encoding = response.headers["content-encoding"];
          const body =
            encoding === "gzip"
              ? gunzipSync(raw)
              : encoding === "br"
                ? brotliDecompressSync(raw)
                : encoding === "deflate"
                  ? inflateSync(raw)
                  : raw;
          resolve({ ms, status: response.statusCode ?? 0, wireBytes: raw.length, body, headers: response.headers });
        });
      },
    );
    request.on("error", (error) => reject(Object.assign(error, { reusedSocket: request.reusedSocket })));
    request.end(options.body);
  });
}

/** Signs in through the login form, as a browser does; returns the session cookie ("agora_session=…"). */
export async function signIn(platform: Platform, email: string, password: string): Promise<string> {
  const response = await timedRequest(`${platform.origin}/login`, {
    method: "POST",
    headers: { Origin: platform.origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, redirectTo: "/" }).toString(),
  });
  const cookie = ([] as string[])
    .concat(response.headers["set-cookie"] ?? [])
    .find((c) => c.startsWith("agora_session="));
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${email} failed: HTTP ${response.status}`);
  return cookie.split(";")[0]!;
}

export function closeConnections() {
  agent.destroy();
  otherAgent.destroy();
}
