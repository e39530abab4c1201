import { spawn } from "node:child_process";
import { whenReady, WEB_READY } from "../../scripts/child-ready";
import { copyDemoWorldInto, holdsNothingYet } from "./platform-template";
import { platformCommand } from "./platform-command";

export type RunningApp = {
  url: string;
  origin: string;
  stop: () => Promise<void>;
  output: () => string;
  /** The web server's process id (its collab process is a child of it), e.g. to read its memory. */
  pid: number;
};

export type StartOptions = {
  /**
   * false: the platform migrates and seeds its empty database itself, as `npm start` does on
   * a fresh machine. By default a database that holds nothing yet receives a copy of this
   * run's demo world first (tests/helpers/platform-template.ts), and the start finds it ready.
   */
  fromTemplate?: boolean;
  /**
   * "separate" (what `npm start` does): the collab server in a child process of its own behind
   * the web port. "shared" (the default here): in the web process, one Node process fewer to
   * start and load per platform, about a second of CPU each on these 2-core machines; tests
   * of live editing through the page (the browser flows), of the process split and of
   * `npm start` itself run "separate".
   */
  collab?: "separate" | "shared";
};

/**
 * Starts the real platform (`scripts/start.ts`, the same entry as `npm start`) as a child
 * process on a free port, against this test file's database. The build must exist
 * (`npm test` builds before running the tests).
 */
export async function startApp(
  extraEnv: Record<string, string> = {},
  { fromTemplate = true, collab = "shared" }: StartOptions = {},
): Promise<RunningApp> {
  const databaseUrl = extraEnv.DATABASE_URL ?? process.env.DATABASE_URL!;
  if (fromTemplate && holdsNothingYet(databaseUrl)) await copyDemoWorldInto(databaseUrl);
  const child = spawn(...platformCommand("scripts/start.ts"), {
    env: { ...process.env, PORT: "0", AGORA_SKIP_BUILD: "1", COLLAB_PROCESS: collab, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { port, output, stop } = await whenReady(child, WEB_READY, "app");
  const origin = `http://localhost:${port}`;
  return { url: origin, origin, pid: child.pid!, output, stop };
}

/** The value of the session cookie in a response's Set-Cookie header, if any. */
export function sessionCookieFrom(response: Response): string | null {
  const header = response.headers.getSetCookie().find((c) => c.startsWith("agora_session="));
  return header ? header.split(";")[0]! : null;
}

export function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}
