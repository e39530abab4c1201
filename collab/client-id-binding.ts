import * as Y from "yjs";
import { keyPrefixOf, SUGGESTIONS_FIELD } from "../app/editor/suggestions";

/**
 * Yjs client ids bound to the suggester who writes with them (decision "suggestions"). Yjs
 * lets a client pick its id; a suggester reusing an editor's id could not change the text
 * (the gate checks every item) but could take that editor's next clock, so the server would
 * ignore the editor's real update. A suggester may therefore write only with a client id that
 * is new to the document or whose every item so far is one of their own suggestions (so a
 * reconnect, even after a server restart, keeps working), and never with an id another
 * person's presence announced (an editor who has not written yet). Verdicts are kept per room.
 */
export class ClientIdBindings {
  private readonly owners = new Map<number, string>();

  constructor(
    private readonly doc: Y.Doc,
    /** Whose presence (awareness, stamped by the server) uses this client id, if anyone's. */
    private readonly announcedBy: (client: number) => string | undefined,
  ) {}

  /** True when every client id the update writes with may be this person's. */
  allows(update: Uint8Array, userId: string): boolean {
    const { structs } = Y.decodeUpdate(update);
    const clients = new Set(structs.map((struct) => struct.id.client));
    for (const client of clients) {
      const announced = this.announcedBy(client);
      if (announced !== undefined && announced !== userId) return false;
      const owner = this.owners.get(client) ?? this.ownerInDocument(client, userId);
      if (owner !== userId) return false;
      this.owners.set(client, owner);
    }
    return true;
  }

  /** `userId` when the document holds nothing of this client id but that person's suggestions. */
  private ownerInDocument(client: number, userId: string): string | null {
    const items = this.doc.store.clients.get(client);
    if (!items) return userId; // a new client id: it becomes theirs
    const map = this.doc.getMap(SUGGESTIONS_FIELD);
    const prefix = keyPrefixOf(userId);
    const own = items.every(
      (struct) => struct instanceof Y.Item && struct.parent === map && !!struct.parentSub?.startsWith(prefix),
    );
    return own ? userId : null;
  }
}
