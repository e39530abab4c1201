import { setImmediate as nextTurn } from "node:timers/promises";
import type { Response as ExpressResponse } from "express";

/**
 * Writes a Remix response to Express, one chunk at a time and never faster than the client
 * reads. Remix's own adapter writes each chunk as soon as the body yields it and ignores
 * `write()`'s answer, so a large streamed download (the summary CSV of a million proposals)
 * piled up in the server's memory as fast as the database could read it. Here a chunk is
 * read only once the socket has taken the previous one, which also makes a pull-based body
 * read the database at the client's pace; a client that goes away cancels the body.
 */
export async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  // Server-sent events: the headers go at once, before the first event.
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  await writeBody(response.body, res);
}

/** `flush` is what the compression middleware adds: a streamed page's chunk leaves at once. */
type Flushable = ExpressResponse & { flush?: () => void };

/** A batch is written once it holds this much, even if more is ready (a download's pace). */
const BATCH_BYTES = 64 * 1024;
const NEXT_TURN = Symbol("next turn");

/**
 * The chunks a body yields within one turn of the event loop leave as one write and one
 * flush. React hands over a rendered page as a few dozen small chunks at once: compressing and
 * flushing each on its own cost 2 ms of a 33 KB page's server CPU (Brotli closes a block per
 * flush) and made the answer larger; a chunk that comes later (a deferred part, an event)
 * still leaves as soon as it is there.
 */
async function writeBody(body: ReadableStream<Uint8Array>, res: Flushable): Promise<void> {
  const reader = body.getReader();
  let gone = false;
  // One listener each for the whole response: the compression middleware moves "drain"
  // listeners onto its gzip stream, where removing them from the response would not.
  let wake: (() => void) | null = null;
  const resume = () => {
    wake?.();
    wake = null;
  };
  res.on("drain", resume);
  res.once("close", () => {
    gone = true;
    resume();
    reader.cancel().catch(() => {});
  });
  try {
    let next = reader.read();
    for (;;) {
      let result = await next;
      const batch: Uint8Array[] = [];
      let size = 0;
      while (!gone && !result.done) {
        batch.push(result.value);
        size += result.value.byteLength;
        next = reader.read();
        if (size >= BATCH_BYTES) break;
        const ready = await Promise.race([next, nextTurn(NEXT_TURN)]);
        if (ready === NEXT_TURN) break;
        result = ready;
      }
      if (gone) return;
      if (batch.length > 0) {
        const taken = res.write(batch.length === 1 ? batch[0] : Buffer.concat(batch, size));
        res.flush?.();
        if (!taken) await new Promise<void>((resolve) => (wake = resolve));
      }
      if (result.done) {
        res.end();
        return;
      }
    }
  } catch (error) {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
