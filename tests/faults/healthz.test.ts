import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isHealthz, serveHealthz } from "../../server/healthz";
import { startServer } from "../../server/index";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A real Redis server on a free port, without persistence. */
async function startRedis(password: string): Promise<{ port: number; process: ChildProcess }> {
  const port = await freePort();
  const args = ["--port", String(port), "--save", "", "--appendonly", "no", "--requirepass", password];
  const child = spawn("redis-server", args, {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  return { port, process: child };
}

describe("/healthz", () => {
  it("answers 200 with the database and collab persistence state on the platform's own server", async () => {
    const { server, collab } = await startServer(0, { root: process.cwd() });
    cleanups.push(async () => {
      await collab?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      status: "ok",
      database: "ok",
      collab: { openDocuments: 0, unsavedUpdates: 0, failingDocuments: 0, failingForSeconds: 0 },
    });
    expect(body).not.toContain(process.env.DATABASE_URL!);
  });

  it("checks Redis when configured: 200 while it answers, 503 degraded once it is gone, no URL or password shown", async () => {
    const redis = await startRedis("the-right-secret");
    cleanups.push(() => void redis.process.kill("SIGKILL"));
    const goodUrl = `redis://:the-right-secret@127.0.0.1:${redis.port}`;
    let url = goodUrl;
    const http = createServer((req, res) => {
      if (isHealthz(req)) void serveHealthz(res, { redisUrl: url });
      else res.writeHead(404).end();
    });
    cleanups.push(() => new Promise((resolve) => http.close(() => resolve())));
    const origin = await listen(http);

    const up = await fetch(`${origin}/healthz`);
    expect(up.status).toBe(200);
    const upBody = await up.text();
    expect(JSON.parse(upBody)).toEqual({ status: "ok", database: "ok", redis: "ok" });
    expect(upBody).not.toContain("secret");

    url = `redis://:a-wrong-secret@127.0.0.1:${redis.port}`; // refused by AUTH
    const refused = await fetch(`${origin}/healthz`);
    expect(refused.status).toBe(503);
    expect(await refused.text()).not.toContain("secret");

    url = goodUrl;
    redis.process.kill("SIGKILL");
    await new Promise((resolve) => redis.process.once("exit", resolve));
    const down = await fetch(`${origin}/healthz`);
    expect(down.status).toBe(503);
    const body = await down.text();
    expect(JSON.parse(body)).toEqual({ status: "degraded", database: "ok", redis: "unavailable" });
    expect(body).not.toMatch(/127\.0\.0\.1|secret/);
  });
});
