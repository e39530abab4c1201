import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useState, type CSSProperties } from "react";
import type { DocNode } from "~/editor/document-json";
import { legalActExtensions } from "~/editor/extensions";
import { outlineOf, type OutlineEntry } from "~/editor/outline";
import { DOCUMENT_FIELD } from "~/editor/document-field";
import { useT } from "~/i18n/use-t";
import { OutlinePanel } from "./outline-panel";
import { PresenceBar } from "./presence-bar";
import { Toolbar } from "./toolbar";
import { useCollabConnection, type CollabConnection } from "./use-collab-connection";

type Props = {
  draftId: string;
  canEdit: boolean;
  user: { name: string; color: string };
  onAccessChanged: () => void;
};

/** The live draft: Tiptap bound to the shared Yjs document, with toolbar, outline and presence. */
export function DraftEditor({ draftId, canEdit, user, onAccessChanged }: Props) {
  const t = useT();
  const connection = useCollabConnection(draftId, onAccessChanged);
  // Binding Tiptap to a still-empty Y.Doc would write ProseMirror's filler node into the
  // shared document before the server's copy arrives; so the editor waits for the first sync.
  if (!connection?.synced) {
    return (
      <p className="muted" role="status">
        {t("editor.connection.connecting")}
      </p>
    );
  }
  return <BoundEditor connection={connection} canEdit={canEdit} user={user} />;
}

function BoundEditor({
  connection,
  canEdit,
  user,
}: {
  connection: CollabConnection;
  canEdit: boolean;
  user: Props["user"];
}) {
  const t = useT();
  const { doc, provider } = connection;
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const editable = canEdit && connection.state !== "revoked";
  const extensions = useMemo(
    () => [
      ...legalActExtensions(),
      Collaboration.configure({ document: doc, field: DOCUMENT_FIELD }),
      CollaborationCaret.configure({ provider, user }),
    ],
    [doc, provider, user],
  );
  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: false,
      editorProps: { attributes: { class: "legal-document", "aria-label": t("editor.label"), spellcheck: "true" } },
      onUpdate: ({ editor: current }) => setOutline(outlineOf(current.getJSON() as DocNode)),
      onCreate: ({ editor: current }) => setOutline(outlineOf(current.getJSON() as DocNode)),
    },
    [extensions],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  const labels = {
    "--label-chapter": JSON.stringify(t("editor.chapter")),
    "--label-article": JSON.stringify(t("editor.article")),
  } as CSSProperties;

  return (
    <div className="draft-workspace">
      <div className="draft-main">
        <PresenceBar
          state={connection.state}
          allSaved={connection.allSaved}
          people={connection.people}
          readOnly={!editable}
        />
        {connection.state === "revoked" ? (
          <p className="form-error" role="alert">
            {t("editor.revoked")}
          </p>
        ) : null}
        {editor && editable ? <Toolbar editor={editor} /> : null}
        <div className="editor-frame" style={labels} data-testid="editor">
          <EditorContent editor={editor} />
        </div>
      </div>
      <aside className="draft-side">
        <OutlinePanel editor={editor} outline={outline} />
      </aside>
    </div>
  );
}
