import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CLOSE, COLLAB_PATH, roomName, SAVED_PARAM } from "~/editor/collab-protocol";
import type { IndexeddbPersistence } from "y-indexeddb";
import { DOCUMENT_FIELD } from "~/editor/document-field";
import { documentIdOf } from "~/editor/document-id";
import { localDraftCopyName, openLocalDraftCopy } from "~/editor/local-draft-copy";
import { readUnsentMarks, trackUnsentChanges, type UnsentMark } from "~/editor/unsent-changes";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline" | "revoked";

export type Collaborator = { clientId: number; name: string; color: string };

export type CollabConnection = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: ConnectionState;
  allSaved: boolean;
  /** Edits of this person the server has not stored yet (kept on this device meanwhile). */
  unsent: number;
  people: Collaborator[];
  /**
   * True once there is a document to bind the editor to: the server's copy, or a
   * non-empty copy kept on this device (offline). The editor waits for it (see draft-editor).
   */
  synced: boolean;
};

type Options = {
  draftId: string;
  /** Another text of the draft (app/editor/document-id.ts); absent: the main text. */
  textId?: string | null;
  userId: string;
  canEdit: boolean;
  onAccessChanged: () => void;
};

/**
 * One Y.Doc and y-websocket provider for the draft, with what the status bar shows:
 * connection state, unsent changes, and who is here. Closed with ACCESS_REVOKED,
 * it stops reconnecting; with ACCESS_CHANGED it reconnects and `onAccessChanged` lets
 * the page reload its permissions.
 *
 * For an editor the doc is first filled from the copy kept on this device, and only then
 * is the provider connected: its first sync sends whatever was typed offline, even before
 * a reload. A reader's view keeps nothing on the device (it could not send it anyway).
 */
export function useCollabConnection({
  draftId,
  textId = null,
  userId,
  canEdit,
  onAccessChanged,
}: Options): CollabConnection | null {
  const documentId = documentIdOf(draftId, textId);
  const [connection, setConnection] = useState<{ doc: Y.Doc; provider: WebsocketProvider } | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [unsent, setUnsent] = useState(0);
  const [people, setPeople] = useState<Collaborator[]>([]);
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    const doc = new Y.Doc();
    let stopped = false;
    let teardown: (() => void) | null = null;
    setSynced(false);
    setConnection(null);
    const connect = (doc: Y.Doc, local: IndexeddbPersistence | null, marks: UnsentMark[]) => {
      const scheme = window.location.protocol === "https:" ? "wss" : "ws";
      const provider = new WebsocketProvider(
        `${scheme}://${window.location.host}${COLLAB_PATH}`,
        roomName(documentId),
        doc,
        {
          params: { [SAVED_PARAM]: "1" },
          maxBackoffTime: 5000,
        },
      );
      let everConnected = false;
      let revoked = false;
      const stopUnsent = trackUnsentChanges(provider, local, marks, setUnsent);
      const onStatus = ({ status }: { status: string }) => {
        if (revoked) return;
        if (status === "connected") everConnected = true;
        if (!navigator.onLine) setState("offline");
        else if (status === "connected") setState("connected");
        else setState(everConnected ? "reconnecting" : "connecting");
      };
      const onClose = (event: CloseEvent | null) => {
        if (event?.code === CLOSE.ACCESS_REVOKED) {
          revoked = true;
          provider.disconnect();
          setState("revoked");
        } else if (event?.code === CLOSE.ACCESS_CHANGED) {
          onAccessChanged();
        }
      };
      const onNetwork = () => onStatus({ status: provider.wsconnected ? "connected" : "disconnected" });
      const onAwareness = () => {
        const list: Collaborator[] = [];
        provider.awareness.getStates().forEach((value, clientId) => {
          const user = (value as { user?: { name?: string; color?: string } }).user;
          if (user?.name) list.push({ clientId, name: user.name, color: user.color ?? "#888" });
        });
        setPeople(list);
      };
      const onSync = (isSynced: boolean) => {
        if (isSynced) setSynced(true);
      };
      provider.on("sync", onSync);
      provider.on("status", onStatus);
      provider.on("connection-close", onClose);
      provider.awareness.on("change", onAwareness);
      window.addEventListener("online", onNetwork);
      window.addEventListener("offline", onNetwork);
      // Text kept on this device can be edited before the server answers (or while it cannot).
      if (doc.getXmlFragment(DOCUMENT_FIELD).length > 0) setSynced(true);
      setConnection({ doc, provider });
      return () => {
        window.removeEventListener("online", onNetwork);
        window.removeEventListener("offline", onNetwork);
        stopUnsent();
        provider.destroy();
        void local?.destroy();
      };
    };

    void (async () => {
      const local = canEdit ? await openLocalDraftCopy(localDraftCopyName(documentId, userId), doc) : null;
      const marks = await readUnsentMarks(local);
      if (stopped) {
        void local?.destroy();
        return;
      }
      teardown = connect(doc, local, marks);
    })();

    return () => {
      stopped = true;
      teardown?.();
      doc.destroy();
    };
    // onAccessChanged is a stable callback from the page; reconnecting on its change would lose state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentId, userId, canEdit]);

  return connection ? { ...connection, state, allSaved: unsent === 0, unsent, people, synced } : null;
}
