import { spawn, type ChildProcess } from "node:child_process";

export type RunningApp = {
  url: string;
  origin: string;
  stop: () => Promise<void>;
  output: () => string;
  /** The child's process id (tsx; the server is it or a descendant), e.g. to read its memory. */
  pid: number;
};

/**
 * Starts the real platform (`scripts/start.ts`, the same entry as `npm start`) as a child
 * process on a free port, against this test file's database. The build must exist
 * (`npm test` builds before running the tests).
 */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
    env: { ...process.env, PORT: "0", AGORA_SKIP_BUILD: "1", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at http:\/\/localhost:(\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${output}`));
    });
  });
  const origin = `http://localhost:${port}`;
  return {
    url: origin,
    origin,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The value of the session cookie in a response's Set-Cookie header, if any. */
export function sessionCookieFrom(response: Response): string | null {
  const header = response.headers.getSetCookie().find((c) => c.startsWith("agora_session="));
  return header ? header.split(";")[0]! : null;
}

export function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}
