import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { CLOSE } from "../app/editor/collab-protocol";
import type { CollabConfig } from "./config";

type Limits = Pick<CollabConfig, "maxAwarenessStateBytes" | "maxAwarenessClientsPerConnection" | "awarenessIntervalMs">;
type Entry = { clientId: number; clock: number; state: string };
export type Refusal = { code: number; reason: string };

const utf8 = new TextDecoder();

/**
 * What one connection's awareness (carets, names) may cost the room and every joiner:
 * - no state over `maxAwarenessStateBytes` (our editor's is a few hundred bytes);
 * - no more than `maxAwarenessClientsPerConnection` client ids with a state at once;
 * so a joiner receives at most connections × ids × bytes. Entries that are no news — a client
 * id at a clock the room already holds — are left out before counting: the stock y-websocket
 * provider sends back every presence it receives from the server, so each connection echoes
 * everyone's carets, and counting those closed every connection of a draft with more than
 * `maxAwarenessClientsPerConnection` people in it. A frame beyond either bound is
 * dropped whole and the connection closed at once: our editor never comes near them, so
 * such a frame is hostile or broken, and applying part of it would show a presence other
 * than the one the client believes it has.
 * Accepted updates are applied at most once per `awarenessIntervalMs`; in between they are
 * merged, the newest state of each client id winning, so a flood costs what a caret does.
 */
export class AwarenessGate {
  private pending = new Map<number, Entry>();
  private owned = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private lastAppliedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limits: Limits,
    /** Applies a merged update; called at once or from a timer. */
    private readonly apply: (update: Uint8Array) => void,
    /** The clock the room holds for a client id (also after its state was removed), if any. */
    private readonly knownClock: (clientId: number) => number | undefined = () => undefined,
  ) {}

  /** Takes one awareness update; a refusal means close the connection. Throws if malformed. */
  receive(update: Uint8Array): Refusal | null {
    const read = readEntries(update, this.limits.maxAwarenessStateBytes);
    if (read === "too large") return { code: CLOSE.TOO_LARGE, reason: "awareness state too large" };
    // Applying an entry at a clock the room has already seen changes nothing (y-protocols keeps the newer).
    const entries = read.filter((entry) => entry.clock > (this.knownClock(entry.clientId) ?? -1));
    if (entries.length === 0) return null;
    const owned = new Set(this.owned);
    for (const entry of entries) {
      if (entry.state === "null") owned.delete(entry.clientId);
      else owned.add(entry.clientId);
    }
    if (owned.size > this.limits.maxAwarenessClientsPerConnection)
      return { code: CLOSE.OVERLOADED, reason: "too many awareness clients" };
    // Parsed here, not later in a timer, so a broken state closes the connection in order.
    for (const entry of entries) JSON.parse(entry.state);
    this.owned = owned;
    for (const entry of entries) {
      const previous = this.pending.get(entry.clientId);
      if (!previous || entry.clock >= previous.clock) this.pending.set(entry.clientId, entry);
    }
    this.schedule();
    return null;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = this.lastAppliedAt + this.limits.awarenessIntervalMs - performance.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  private flush(): void {
    if (this.pending.size === 0) return;
    const entries = [...this.pending.values()];
    this.pending.clear();
    this.lastAppliedAt = performance.now();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(encoder, entry.clientId);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.state);
    }
    this.apply(encoding.toUint8Array(encoder));
  }
}

/** y-protocols' awareness wire format: count, then per client its id, clock and JSON state. */
function readEntries(update: Uint8Array, maxStateBytes: number): Entry[] | "too large" {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const bytes = decoding.readVarUint8Array(decoder);
    if (bytes.length > maxStateBytes) return "too large";
    entries.push({ clientId, clock, state: utf8.decode(bytes) });
  }
  return entries;
}
