import * as awarenessProtocol from "y-protocols/awareness";
import * as encoding from "lib0/encoding";
import type * as Y from "yjs";
import { MESSAGE_AWARENESS } from "../app/editor/collab-protocol";
import { truthfulAwarenessUpdate, type PresenceIdentity } from "./presence";

/** Awareness changes are merged for this long before one broadcast (quadratic traffic otherwise). */
const AWARENESS_BATCH_MS = 50;

/** What presence needs of a connection. */
export interface PresenceMember {
  send(message: Uint8Array): void;
  /** The person behind the connection, stamped on their presence. */
  readonly presence: PresenceIdentity;
}

/**
 * The presence part of a room: who is there and where their carets are (Yjs awareness).
 * Each member may only set its own client ids, under the name the server knows; changes
 * of one batch window go out as one message to every member, and this node's own changes
 * to the other nodes.
 */
export class RoomPresence<Member extends PresenceMember> {
  readonly awareness: awarenessProtocol.Awareness;
  private changed = new Set<number>();
  /** The subset of `changed` made by this node's members (what other nodes need). */
  private localChanged = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  /** Awareness client ids introduced by each member, removed when it leaves. */
  private readonly clientIds = new Map<Member, Set<number>>();

  constructor(
    doc: Y.Doc,
    private readonly members: () => Iterable<Member>,
    /** Origin of awareness from another node: shown here, never published again. */
    private readonly fromOtherNode: symbol,
    /** The line to the other nodes, if any: this node's own changes go there. */
    private readonly relay: () => { publishAwareness(update: Uint8Array): void } | null,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.onChange);
  }

  /** Registers a member; returns the presence of everyone already there (null if nobody). */
  join(member: Member): Uint8Array | null {
    this.clientIds.set(member, new Set());
    const states = [...this.awareness.getStates().keys()];
    return states.length > 0 ? this.message(states) : null;
  }

  leave(member: Member): void {
    const ids = this.clientIds.get(member);
    this.clientIds.delete(member);
    if (ids && ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
  }

  apply(update: Uint8Array, from: Member): void {
    // Another person's client id is off limits; the same person's (a reconnecting tab whose
    // old socket has not closed yet) passes to the new connection.
    const ownedByOthers = (clientId: number) =>
      [...this.clientIds].some(
        ([member, ids]) => member !== from && ids.has(clientId) && member.presence.userId !== from.presence.userId,
      );
    const truthful = truthfulAwarenessUpdate(update, from.presence, ownedByOthers);
    if (truthful) awarenessProtocol.applyAwarenessUpdate(this.awareness, truthful, from);
  }

  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, this.fromOtherNode);
  }

  /** The presence of this node's members, for a node that just opened the room; null if none. */
  localUpdate(): Uint8Array | null {
    const states = this.awareness.getStates();
    const ids = [...this.clientIds.values()].flatMap((owned) => [...owned]).filter((id) => states.has(id));
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.awareness.destroy();
  }

  private onChange = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const ids = origin ? this.clientIds.get(origin as Member) : undefined;
    if (ids) {
      for (const id of [...added, ...updated]) {
        for (const [member, owned] of this.clientIds) if (member !== origin) owned.delete(id);
      }
    }
    for (const id of [...added, ...updated]) ids?.add(id);
    for (const id of removed) ids?.delete(id);
    for (const id of [...added, ...updated, ...removed]) {
      this.changed.add(id);
      if (origin !== this.fromOtherNode) this.localChanged.add(id);
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      const changed = [...this.changed];
      const local = [...this.localChanged];
      this.changed.clear();
      this.localChanged.clear();
      const message = this.message(changed);
      for (const member of this.members()) member.send(message);
      const relay = this.relay();
      if (relay && local.length > 0)
        relay.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, local));
    }, AWARENESS_BATCH_MS);
  };

  private message(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }
}
