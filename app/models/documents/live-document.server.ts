import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { COLLAB_PATH, roomName, SAVED_PARAM } from "~/editor/collab-protocol";
import { trackSaved } from "~/editor/saved-tracker";

/**
 * How the web server reaches the collab server as the person behind a request: this server's
 * own address (upgrades are handed to the collab server, on one node and with several) and the
 * headers a browser would send. The person's session decides their access there, exactly as for
 * their browser, so the collab server polices these updates like any other (a suggester's write
 * only their own suggestions).
 */
export type CollabEndpoint = { url: string; headers: { Cookie: string; Origin: string } };

/** How long the collab server may take to load the room and to store the write. */
const WAIT_MS = 15_000;

export class LiveDocumentUnavailable extends Error {
  constructor(reason: string) {
    super(`the live document could not be written: ${reason}`);
    this.name = "LiveDocumentUnavailable";
  }
}

/**
 * Opens the live document through the collab server, lets `write` change it in one go, and
 * waits until the collab server has stored that change (its "saved" message): connected editors
 * see it at once, and it is in the document log like anyone's edit. Nothing is written to the
 * log directly: a room holding the document in memory would not see it, and its compaction
 * would fold it away.
 */
export async function writeLiveDocument<T>(
  endpoint: CollabEndpoint,
  documentId: string,
  write: (doc: Y.Doc) => T,
): Promise<T> {
  const doc = new Y.Doc();
  const headers = endpoint.headers;
  const provider = new WebsocketProvider(endpoint.url + COLLAB_PATH, roomName(documentId), doc, {
    WebSocketPolyfill: class extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    } as unknown as typeof globalThis.WebSocket,
    params: { [SAVED_PARAM]: "1" },
    disableBc: true,
    maxBackoffTime: 500,
  });
  let saved = true;
  let closed: string | null = null;
  const stopTracking = trackSaved(provider, (value) => (saved = value));
  provider.on("connection-close", (event) => {
    if (event && event.code >= 4000) closed = `closed with ${event.code}`;
  });
  try {
    await until(() => provider.synced || closed !== null, "sync");
    if (closed) throw new LiveDocumentUnavailable(closed);
    const result = write(doc);
    await until(() => saved || closed !== null, "store");
    if (closed) throw new LiveDocumentUnavailable(closed);
    return result;
  } finally {
    stopTracking();
    provider.destroy();
    doc.destroy();
  }
}

function until(done: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (done()) return resolve();
      if (Date.now() - started > WAIT_MS) return reject(new LiveDocumentUnavailable(`no ${what} in time`));
      setTimeout(check, 20);
    };
    check();
  });
}
