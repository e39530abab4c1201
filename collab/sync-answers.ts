import type { CollabConfig } from "./config";

type Limits = Pick<CollabConfig, "syncRequestBurst" | "syncRequestsPerSecond">;

/**
 * One connection's sync requests (SyncStep1). Each asks the server to encode everything the
 * client lacks; for an empty state vector that is the whole draft, so a few-byte frame can
 * cost megabytes of work. Hence:
 * - one answer at a time: requests arriving while an answer is still being written out are
 *   merged into one later answer for the newest state vector (it asks for the most recent
 *   view of the client, and the older answers would only be superseded);
 * - an allowance of `syncRequestBurst` requests, refilled at `syncRequestsPerSecond`; a
 *   client beyond it is flooding (ours sends one per connection) and `request` says so.
 */
export class SyncAnswers {
  private tokens: number;
  private refilledAt = performance.now();
  private answering = false;
  private latest: Uint8Array | null = null;
  /** Answers actually encoded and sent (visible to tests and logs). */
  answered = 0;

  constructor(
    private readonly limits: Limits,
    /** Encodes and sends the answer; calls `done` once it has been written out. */
    private readonly answer: (stateVector: Uint8Array, done: () => void) => void,
  ) {
    this.tokens = limits.syncRequestBurst;
  }

  /** Nothing waiting and nothing being written. */
  get idle(): boolean {
    return !this.answering && this.latest === null;
  }

  /** False when the connection has used up its allowance (close it). */
  request(stateVector: Uint8Array): boolean {
    const now = performance.now();
    this.tokens = Math.min(
      this.limits.syncRequestBurst,
      this.tokens + ((now - this.refilledAt) / 1000) * this.limits.syncRequestsPerSecond,
    );
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    this.latest = stateVector;
    if (!this.answering) this.next();
    return true;
  }

  private next(): void {
    const stateVector = this.latest;
    if (!stateVector) return;
    this.latest = null;
    this.answering = true;
    this.answered++;
    this.answer(stateVector, () => {
      this.answering = false;
      this.next();
    });
  }
}
