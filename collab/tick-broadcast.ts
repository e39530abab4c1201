import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MESSAGE_SYNC } from "../app/editor/collab-protocol";

type Member = { send(message: Uint8Array): void };

/**
 * Collects the updates a room accepts in one event-loop turn and sends each member ONE
 * frame: the merge of the updates it did not send itself (Hocuspocus PR #1130: 400 users
 * typing into one document blocked its event loop with one frame per update per peer).
 * Each distinct frame is encoded once and shared; a turn with one sender costs one merge.
 */
export class TickBroadcast {
  private batch: { update: Uint8Array; origin: unknown }[] = [];

  constructor(private readonly members: () => Iterable<Member>) {}

  add(update: Uint8Array, origin: unknown): void {
    if (this.batch.length === 0) setImmediate(() => this.flush());
    this.batch.push({ update, origin });
  }

  flush(): void {
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    const senders = new Set(batch.map((entry) => entry.origin));
    const frames = new Map<unknown, Uint8Array | null>();
    const frameWithout = (sender: unknown) => {
      if (!frames.has(sender)) {
        const updates = batch.filter((entry) => entry.origin !== sender).map((entry) => entry.update);
        frames.set(sender, updates.length === 0 ? null : updateMessage(updates));
      }
      return frames.get(sender)!;
    };
    for (const member of this.members()) {
      const frame = frameWithout(senders.has(member) ? member : undefined);
      if (frame) member.send(frame);
    }
  }
}

function updateMessage(updates: Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
  return encoding.toUint8Array(encoder);
}
