import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { CommentsPanel, type PendingComment } from "~/components/comments/comments-panel";
import { CommentIcon } from "~/components/icons";
import { placeThreads, type ThreadPlacement } from "~/components/comments/placement";
import type { PanelThread } from "~/components/comments/types";
import { CommentHighlights, commentHighlightsKey, selectionPassage, threadRanges } from "~/editor/comment-highlights";
import type { DocNode } from "~/editor/document-json";
import { legalActExtensions } from "~/editor/extensions";
import { outlineOf, type OutlineEntry } from "~/editor/outline";
import { DOCUMENT_FIELD } from "~/editor/document-field";
import { useT } from "~/i18n/use-t";
import { OutlinePanel } from "./outline-panel";
import { useTextLabels } from "../document/text-language";
import { PresenceBar } from "./presence-bar";
import { Toolbar } from "./toolbar";
import { useCollabConnection, type CollabConnection } from "./use-collab-connection";
import { useLeaveWarning } from "./use-leave-warning";
import { StructureSuggestions } from "./structure-suggestions";
import { SuggestionsPanel, type SuggestionOrganizations } from "./suggestions-panel";
import { SuggestionMode } from "~/editor/suggestion-mode";
import type { Suggestion } from "~/editor/suggestions";
import { formatDate } from "~/i18n/format";
import { colorFor } from "./author-colors";

type Props = {
  draftId: string;
  canEdit: boolean;
  /** A suggester types into the text, and every change becomes a suggestion (the server allows nothing else). */
  canSuggest: boolean;
  user: { id: string; name: string; color: string };
  onAccessChanged: () => void;
  threads: PanelThread[];
  canCommentInternally: boolean;
  /** A thread to open at once (a search hit links to it). */
  openThreadId?: string | null;
  /** Each suggestion author's organization, derived on the server from the verified author id. */
  suggestionOrganizations: SuggestionOrganizations;
};

/** The live draft: Tiptap bound to the shared Yjs document, with toolbar, outline and presence. */
export function DraftEditor({ draftId, onAccessChanged, ...rest }: Props) {
  const t = useT();
  const connection = useCollabConnection({ draftId, userId: rest.user.id, canEdit: rest.canEdit, onAccessChanged });
  useLeaveWarning(!!connection && connection.unsent > 0);
  // Binding Tiptap to a still-empty Y.Doc would write ProseMirror's filler node into the
  // shared document before the server's copy arrives; so the editor waits for the first sync.
  if (!connection?.synced) {
    return (
      <p className="muted" role="status" data-testid="draft-editor-waiting">
        {t("editor.connection.connecting")}
      </p>
    );
  }
  return <BoundEditor connection={connection} draftId={draftId} {...rest} />;
}

type SidePanel = "outline" | "comments" | "suggestions";

type BoundProps = Omit<Props, "onAccessChanged"> & { connection: CollabConnection };

function BoundEditor({
  connection,
  canEdit,
  canSuggest,
  user,
  draftId,
  threads,
  canCommentInternally,
  openThreadId,
  suggestionOrganizations,
}: BoundProps) {
  const t = useT();
  const textLabels = useTextLabels();
  const { doc, provider } = connection;
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const [activeThread, setActiveThread] = useState<string | null>(openThreadId ?? null);
  const [pending, setPending] = useState<PendingComment | null>(null);
  const [placements, setPlacements] = useState<Map<string, ThreadPlacement>>(new Map());
  // A thread a link opened takes focus like one opened from the keyboard.
  const [focusThread, setFocusThread] = useState<string | null>(openThreadId ?? null);
  // On a phone the text comes first; contents and comments are panels the reader opens.
  const [panel, setPanel] = useState<SidePanel | null>(openThreadId ? "comments" : null);
  const togglePanel = (which: SidePanel) => setPanel(panel === which ? null : which);
  const editable = (canEdit || canSuggest) && connection.state !== "revoked";
  // Editors choose (as in other editors); a suggester always suggests.
  const [suggestingByChoice, setSuggestingByChoice] = useState(false);
  const suggesting = !canEdit || suggestingByChoice;
  const suggestingRef = useRef(suggesting);
  suggestingRef.current = suggesting;
  const [blocked, setBlocked] = useState(false);
  const caretUser = useMemo(() => ({ name: user.name, color: user.color }), [user.name, user.color]);
  const highlightHint = t("comments.highlightHint");
  const describeSuggestion = useCallback(
    (s: { authorName: string; createdAt: string }) => `${s.authorName} · ${formatDate(t, s.createdAt, true)}`,
    [t],
  );
  const extensions = useMemo(
    () => [
      ...legalActExtensions(),
      Collaboration.configure({ document: doc, field: DOCUMENT_FIELD }),
      CollaborationCaret.configure({ provider, user: caretUser }),
      CommentHighlights.configure({
        // Alt+Enter with the cursor in a highlighted passage: the thread opens and takes focus.
        onOpenThread: (id, via) => {
          setActiveThread(id);
          if (via === "keyboard") setFocusThread(id);
        },
        hint: highlightHint,
      }),
      SuggestionMode.configure({
        author: { id: user.id, name: user.name },
        isSuggesting: () => suggestingRef.current,
        colorOf: colorFor,
        describe: describeSuggestion,
        onBlocked: () => setBlocked(true),
      }),
    ],
    [doc, provider, caretUser, highlightHint, user.id, user.name, describeSuggestion],
  );
  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: false,
      // `lang`: spelling, hyphenation and screen readers follow the text's language.
      editorProps: {
        attributes: {
          class: "legal-document",
          "aria-label": t("editor.label"),
          spellcheck: "true",
          lang: textLabels.language,
        },
      },
      onUpdate: ({ editor: current }) => setOutline(outlineOf(current.getJSON() as DocNode)),
      onCreate: ({ editor: current }) => setOutline(outlineOf(current.getJSON() as DocNode)),
    },
    [extensions, textLabels.language],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  // Highlights follow the threads and the active one; where each thread belongs (which
  // article now holds its words, where in the text, whether they still exist) follows the text.
  useEffect(() => {
    if (!editor) return;
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { threads, activeId: activeThread }));
    const measure = () => setPlacements(placeThreads(threads, threadRanges(editor.state, threads)));
    measure();
    editor.on("update", measure);
    return () => {
      editor.off("update", measure);
    };
  }, [editor, threads, activeThread]);

  // A thread opened from the keyboard takes focus once its card is rendered (open and unfiltered).
  useEffect(() => {
    if (!focusThread) return;
    const card = document.querySelector<HTMLElement>(
      `[data-testid="thread"][data-thread-id="${CSS.escape(focusThread)}"]`,
    );
    card?.focus();
    card?.scrollIntoView({ block: "nearest" });
    setFocusThread(null);
  }, [focusThread, activeThread]);

  // The history links to where a suggestion landed: `#<article id>` scrolls to that article.
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!editor || !id) return;
    editor.view.dom.querySelector(`[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "start" });
  }, [editor]);

  const leaveThread = useCallback(() => editor?.commands.focus(), [editor]);

  const activate = useCallback(
    (id: string | null) => {
      setActiveThread(id);
      const thread = threads.find((candidate) => candidate.id === id);
      if (!editor || !thread) return;
      const range = threadRanges(editor.state, [thread]).get(thread.id);
      if (range) editor.chain().setTextSelection({ from: range.from, to: range.to }).scrollIntoView().run();
      else
        editor.view.dom
          .querySelector(`[data-id="${CSS.escape(thread.articleId)}"]`)
          ?.scrollIntoView({ block: "center" });
    },
    [editor, threads],
  );

  const startComment = () => {
    if (!editor) return;
    const { state } = editor;
    const passage = selectionPassage(state);
    const { from, to, $from } = state.selection;
    let articleId = passage?.articleId ?? "";
    for (let depth = $from.depth; depth > 0 && !articleId; depth--) {
      const node = $from.node(depth);
      if (node.type.name === "article") articleId = node.attrs.id as string;
    }
    for (let depth = $from.depth; depth > 0 && !articleId; depth--) {
      const id = $from.node(depth).attrs.id as string | undefined;
      if (id) articleId = id;
    }
    setPanel("comments");
    setPending({
      articleId: articleId || "document",
      anchorStart: passage?.anchor.start ?? "",
      anchorEnd: passage?.anchor.end ?? "",
      quote: (passage?.quote ?? state.doc.textBetween(from, to, " ", "\n")).slice(0, 2000),
    });
  };
  const donePending = useCallback(() => setPending(null), []);

  // A suggestion's card opens its thread, or the composer for a new one about it.
  const discussions = useMemo(() => {
    const found = new Map<string, number>();
    for (const thread of threads) if (thread.suggestionId) found.set(thread.suggestionId, thread.comments.length);
    return found;
  }, [threads]);
  const discussSuggestion = (suggestion: Suggestion) => {
    setPanel("comments");
    const existing = threads.find((thread) => thread.suggestionId === suggestion.id);
    if (existing) {
      setActiveThread(existing.id);
      setFocusThread(existing.id);
      return;
    }
    // An insertion has no words of the text to anchor to: its thread belongs to the article.
    const onWords = suggestion.quote !== "";
    setPending({
      articleId: suggestion.articleId ?? "document",
      anchorStart: onWords ? suggestion.from : "",
      anchorEnd: onWords ? suggestion.to : "",
      quote: (suggestion.quote || suggestion.text).slice(0, 2000),
      suggestionId: suggestion.id,
    });
  };

  // Ctrl+Alt+M (as in other editors): comment on the selection or the current article.
  const startCommentRef = useRef(startComment);
  startCommentRef.current = startComment;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === "KeyM") {
        event.preventDefault();
        startCommentRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const labels = {
    "--label-chapter": JSON.stringify(textLabels.chapter),
    "--label-article": JSON.stringify(textLabels.article),
  } as CSSProperties;

  return (
    <div className="draft-workspace" data-panel={panel ?? "none"}>
      <div className="side-toggles">
        <button
          type="button"
          className="button"
          aria-expanded={panel === "outline"}
          aria-controls="draft-outline-panel"
          onClick={() => togglePanel("outline")}
          data-testid="toggle-outline"
        >
          {t("editor.outline")}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={panel === "comments"}
          aria-controls="draft-comments-panel"
          onClick={() => togglePanel("comments")}
          data-testid="toggle-comments"
        >
          {t("comments.panelToggle", { count: t.number(threads.length) })}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={panel === "suggestions"}
          aria-controls="draft-suggestions-panel"
          onClick={() => togglePanel("suggestions")}
          data-testid="toggle-suggestions"
        >
          {t("suggestions.panelToggle")}
        </button>
      </div>
      <div className="draft-main">
        <PresenceBar
          state={connection.state}
          unsent={connection.unsent}
          people={connection.people}
          readOnly={!editable}
        />
        {connection.state === "revoked" ? (
          <p className="form-error" role="alert">
            {t("editor.revoked")}
          </p>
        ) : null}
        <div className="editor-actions">
          {editor && editable && !suggesting ? <Toolbar editor={editor} /> : null}
          {editable && canEdit ? (
            <label className="suggesting-switch">
              <input
                type="checkbox"
                role="switch"
                checked={suggestingByChoice}
                onChange={(e) => setSuggestingByChoice(e.target.checked)}
                data-testid="suggesting-switch"
              />{" "}
              {t("suggestions.suggesting")}
            </label>
          ) : editable ? (
            <span className="muted small" data-testid="suggesting-only">
              {t("suggestions.suggestingOnly")}
            </span>
          ) : null}
          <button
            type="button"
            className="button comment-button"
            onMouseDown={(event) => event.preventDefault()}
            onClick={startComment}
            data-testid="add-comment"
            title={`${t("comments.addHint")} (Ctrl+Alt+M)`}
          >
            <CommentIcon /> {t("comments.add")}
          </button>
        </div>
        {editor && editable && suggesting ? (
          <StructureSuggestions editor={editor} author={{ id: user.id, name: user.name }} />
        ) : null}
        {blocked && suggesting ? (
          <p className="muted small" role="status" data-testid="suggestion-blocked">
            {t("suggestions.blocked")}{" "}
            <button type="button" className="link-button" onClick={() => setBlocked(false)}>
              {t("suggestions.dismiss")}
            </button>
          </p>
        ) : null}
        <div className="editor-frame" style={labels} data-testid="editor" data-suggesting={suggesting && editable}>
          <EditorContent editor={editor} />
        </div>
      </div>
      <aside className="draft-side">
        <div id="draft-outline-panel" className="side-panel" data-open={panel === "outline"}>
          <OutlinePanel editor={editor} outline={outline} />
        </div>
        <div id="draft-comments-panel" className="side-panel" data-open={panel === "comments"}>
          <CommentsPanel
            threads={threads}
            outline={outline}
            placements={placements}
            activeId={activeThread}
            onActivate={activate}
            onLeaveThread={leaveThread}
            pending={pending}
            onPendingDone={donePending}
            canCommentInternally={canCommentInternally}
            userId={user.id}
            actionUrl={`/drafts/${draftId}/comments`}
          />
        </div>
        <div id="draft-suggestions-panel" className="side-panel" data-open={panel === "suggestions"}>
          <SuggestionsPanel
            editor={editor}
            doc={doc}
            outline={outline}
            canDecide={canEdit && connection.state !== "revoked"}
            userId={user.id}
            colorOf={colorFor}
            organizations={suggestionOrganizations}
            discussions={discussions}
            onDiscuss={connection.state === "revoked" ? null : discussSuggestion}
          />
        </div>
      </aside>
    </div>
  );
}
