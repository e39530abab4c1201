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
    for (;;) {
      const { done, value } = await reader.read();
      if (gone) return;
      if (done) {
        res.end();
        return;
      }
      const taken = res.write(value);
      res.flush?.();
      if (!taken) await new Promise<void>((resolve) => (wake = resolve));
    }
  } catch (error) {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
