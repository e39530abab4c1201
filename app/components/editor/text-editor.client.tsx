import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useState, type CSSProperties } from "react";
import { DOCUMENT_FIELD } from "~/editor/document-field";
import type { DocNode } from "~/editor/document-json";
import { legalActExtensions } from "~/editor/extensions";
import { outlineOf, type OutlineEntry } from "~/editor/outline";
import { useT } from "~/i18n/use-t";
import { useTextLabels } from "../document/text-language";
import { OutlinePanel } from "./outline-panel";
import { PresenceBar } from "./presence-bar";
import { Toolbar } from "./toolbar";
import { useCollabConnection, type CollabConnection } from "./use-collab-connection";
import { useLeaveWarning } from "./use-leave-warning";

type Props = {
  draftId: string;
  /** Null: the draft's main text (the side-by-side view shows it next to a language text). */
  textId: string | null;
  canEdit: boolean;
  user: { id: string; name: string; color: string };
  onAccessChanged: () => void;
  /** The editor's accessible name (e.g. the attachment's kind and title). */
  label: string;
};

/**
 * A live text of a draft (an attachment written in the editor, a text in another language, or
 * the main text beside one of those) in the same editor as the draft page's: the legal-act schema, toolbar, outline, presence, offline copy and "saved" state,
 * through its own collab room. Comments and suggestions stay on the main text, where the
 * consultation and the working group discuss it.
 */
export function TextEditor({ draftId, textId, canEdit, user, onAccessChanged, label }: Props) {
  const t = useT();
  const connection = useCollabConnection({ draftId, textId, userId: user.id, canEdit, onAccessChanged });
  useLeaveWarning(!!connection && connection.unsent > 0);
  // As for the main text: binding before the first sync would write a filler node into the document.
  if (!connection?.synced) {
    return (
      <p className="muted" role="status" data-testid="draft-editor-waiting">
        {t("editor.connection.connecting")}
      </p>
    );
  }
  return <BoundTextEditor connection={connection} canEdit={canEdit} user={user} label={label} />;
}

function BoundTextEditor({
  connection,
  canEdit,
  user,
  label,
}: Pick<Props, "canEdit" | "user" | "label"> & { connection: CollabConnection }) {
  const textLabels = useTextLabels();
  const { doc, provider } = connection;
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const editable = canEdit && connection.state !== "revoked";
  const caretUser = useMemo(() => ({ name: user.name, color: user.color }), [user.name, user.color]);
  const extensions = useMemo(
    () => [
      ...legalActExtensions(),
      Collaboration.configure({ document: doc, field: DOCUMENT_FIELD }),
      CollaborationCaret.configure({ provider, user: caretUser }),
    ],
    [doc, provider, caretUser],
  );
  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: false,
      editorProps: {
        attributes: { class: "legal-document", "aria-label": label, spellcheck: "true", lang: textLabels.language },
      },
      onUpdate: ({ editor: current }) => setOutline(outlineOf(current.getJSON() as DocNode)),
      onCreate: ({ editor: current }) => setOutline(outlineOf(current.getJSON() as DocNode)),
    },
    [extensions, textLabels.language, label],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  const labels = {
    "--label-chapter": JSON.stringify(textLabels.chapter),
    "--label-article": JSON.stringify(textLabels.article),
  } as CSSProperties;
  return (
    <div className="draft-workspace" data-panel="none">
      <div className="draft-main">
        <PresenceBar
          state={connection.state}
          unsent={connection.unsent}
          people={connection.people}
          readOnly={!editable}
        />
        <div className="editor-actions">{editor && editable ? <Toolbar editor={editor} /> : null}</div>
        <div className="editor-frame" style={labels} data-testid="editor">
          <EditorContent editor={editor} />
        </div>
      </div>
      <aside className="draft-side">
        <div className="side-panel" data-open="true">
          <OutlinePanel editor={editor} outline={outline} />
        </div>
      </aside>
    </div>
  );
}
