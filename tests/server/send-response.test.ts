import { randomBytes } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import net from "node:net";
import compression from "compression";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { sendResponse } from "../../server/send-response";

/**
 * A streamed download (the summary CSV of a million proposals) is produced only as fast as the
 * client reads it: a client that stops reading leaves the server holding a few socket buffers,
 * not the file, and one that goes away stops the body.
 */

const CHUNK = 64 * 1024;
const FILE = 200 * 1024 * 1024;

type Produced = { bytes: number; cancelled: boolean };

function largeBody(produced: Produced): ReadableStream<Uint8Array> {
  // Random bytes: gzip cannot shrink them, so the gzipped answer is as large as the file.
  const chunk = randomBytes(CHUNK);
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced.bytes >= FILE) return controller.close();
      produced.bytes += CHUNK;
      controller.enqueue(chunk);
    },
    cancel() {
      produced.cancelled = true;
    },
  });
}

const servers: { close: () => void }[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function serve(produced: Produced, withCompression: boolean) {
  const app = express();
  if (withCompression) app.use(compression());
  app.get("/file.csv", (_req, res) => {
    void sendResponse(res, new Response(largeBody(produced), { headers: { "Content-Type": "text/csv" } }));
  });
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

/** Sends the request, reads the first bytes, then neither reads nor closes. */
async function stalledClient(port: number, acceptEncoding: string) {
  const socket = net.connect({ port, host: "127.0.0.1" });
  await once(socket, "connect");
  socket.write(`GET /file.csv HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: ${acceptEncoding}\r\n\r\n`);
  await once(socket, "data");
  socket.pause();
  return socket;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

/**
 * What the producer had made once it stopped: the same count at two looks a settle apart. On a
 * busy machine gzip (in libuv's thread pool) was still filling its buffers after one settle.
 * Without backpressure it never stops before the whole file, which the caller's bound catches.
 */
async function producedOnceStalled(produced: Produced): Promise<number> {
  let before = -1;
  for (let look = 0; look < 20 && produced.bytes !== before; look++) {
    before = produced.bytes;
    await settle();
  }
  return produced.bytes;
}

describe("a streamed response", () => {
  for (const [name, withCompression, encoding] of [
    ["as sent", false, "identity"],
    ["gzipped by the compression middleware", true, "gzip"],
  ] as const) {
    it(`waits for a client that stops reading (${name}) and stops when it goes away`, async () => {
      const produced: Produced = { bytes: 0, cancelled: false };
      const socket = await stalledClient(await serve(produced, withCompression), encoding);
      const whileStalled = await producedOnceStalled(produced);
      await settle();
      // Socket and gzip buffers hold a few megabytes at most; without backpressure the whole 200 MB is read at once.
      expect(whileStalled).toBeLessThan(16 * 1024 * 1024);
      expect(produced.bytes).toBe(whileStalled);

      socket.destroy();
      await expect.poll(() => produced.cancelled).toBe(true);
      expect(produced.bytes).toBeLessThan(FILE);
    });
  }

  it("delivers every byte to a client that reads", async () => {
    const produced: Produced = { bytes: 0, cancelled: false };
    const port = await serve(produced, false);
    const response = await fetch(`http://127.0.0.1:${port}/file.csv`);
    const received = (await response.arrayBuffer()).byteLength;
    expect(received).toBe(FILE);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
  });
});

/**
 * A rendered page arrives as many small chunks at once (React's), a deferred part later. What
 * the compression middleware is asked to do shows in its `flush` calls: one per batch.
 */
describe("a page's chunks", () => {
  async function servePage(body: () => ReadableStream<Uint8Array>) {
    const sent = { writes: 0, flushes: 0 };
    const app = express();
    app.use(compression());
    app.use((_req, res, next) => {
      const { write, flush } = res as typeof res & { flush: () => void };
      res.write = ((...args: Parameters<typeof write>) => (sent.writes++, write.apply(res, args))) as typeof write;
      Object.assign(res, { flush: () => (sent.flushes++, flush.call(res)) });
      next();
    });
    app.get(
      "/page",
      (_req, res) => void sendResponse(res, new Response(body(), { headers: { "Content-Type": "text/html" } })),
    );
    const server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    servers.push(server);
    return { port: (server.address() as AddressInfo).port, sent };
  }

  const encoder = new TextEncoder();
  const part = (index: number) => encoder.encode(`<li>Հոդված ${index}. Համայնքային ծառայություն</li>`.repeat(20));

  it("leave together when they come together, and a later part leaves as soon as it comes", async () => {
    let sendLate: () => void = () => {};
    const { port, sent } = await servePage(
      () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (let index = 0; index < 40; index++) controller.enqueue(part(index));
            sendLate = () => {
              controller.enqueue(encoder.encode("<p>later</p>"));
              controller.close();
            };
          },
        }),
    );
    const response = await fetch(`http://127.0.0.1:${port}/page`, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const reader = response.body!.getReader();
    // The first 40 chunks reach the client while the body is still open: nothing waits for its end.
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(sent).toEqual({ writes: 1, flushes: 1 });
    sendLate();
    const decoder = new TextDecoder();
    let text = decoder.decode(first.value, { stream: true });
    for (let next = await reader.read(); !next.done; next = await reader.read())
      text += decoder.decode(next.value, { stream: true });
    expect(text).toContain("<li>Հոդված 39.");
    expect(text.endsWith("<p>later</p>")).toBe(true);
    expect(sent).toEqual({ writes: 2, flushes: 2 });
  });
});
