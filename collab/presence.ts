import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** Who a connection is, as the server knows it from the session. */
export type PresenceIdentity = { userId: string; name: string };

/**
 * Makes a client's awareness update truthful before it is applied and relayed:
 * - a connection may only set or clear the awareness states of its own client ids, never
 *   another person's (which would hide them, or move their caret);
 * - the `user` field of each state carries the server's name and id for that connection,
 *   whatever the client wrote (no one can show up under someone else's name).
 * The wire format is y-protocols' awareness update: count, then per client its id, clock
 * and JSON state ("null" for removal). Returns null when nothing is left to apply.
 */
export function truthfulAwarenessUpdate(
  update: Uint8Array,
  identity: PresenceIdentity,
  ownedByOthers: (clientId: number) => boolean,
): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (ownedByOthers(clientId)) continue;
    kept.push({ clientId, clock, state: stampIdentity(json, identity) });
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

function stampIdentity(json: string, identity: PresenceIdentity): string {
  const state: unknown = JSON.parse(json);
  if (state === null || typeof state !== "object" || Array.isArray(state)) return "null";
  const record = state as Record<string, unknown>;
  const user = typeof record.user === "object" && record.user !== null ? (record.user as Record<string, unknown>) : {};
  return JSON.stringify({ ...record, user: { ...user, id: identity.userId, name: identity.name } });
}
