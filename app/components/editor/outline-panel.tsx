import type { Editor } from "@tiptap/react";
import type { OutlineEntry } from "~/editor/outline";
import { useT } from "~/i18n/use-t";
import { useTextLabels } from "../document/text-language";

/** Chapters and articles beside the text; choosing one moves the cursor there. */
export function OutlinePanel({ editor, outline }: { editor: Editor | null; outline: OutlineEntry[] }) {
  const t = useT();
  const labels = useTextLabels();
  const jump = (id: string) => {
    if (!editor) return;
    let target: number | null = null;
    editor.state.doc.descendants((node, pos) => {
      if (target !== null) return false;
      if (node.attrs.id === id) target = pos + 2;
      return true;
    });
    if (target === null) return;
    editor.chain().focus().setTextSelection(target).scrollIntoView().run();
    editor.view.dom
      .querySelector(`[data-id="${CSS.escape(id)}"]`)
      ?.scrollIntoView({ block: "start", behavior: "smooth" });
  };
  return (
    <nav className="outline" aria-label={t("editor.outline")} data-testid="outline">
      <h2>{t("editor.outline")}</h2>
      {outline.length === 0 ? <p className="muted">{t("editor.outlineEmpty")}</p> : null}
      <ol>
        {outline.map((entry) => (
          <li key={entry.id || `${entry.type}-${entry.number}`} className={`outline-${entry.type}`}>
            <button type="button" className="link-button" onClick={() => jump(entry.id)}>
              <span lang={labels.language}>
                {entry.type === "chapter" ? labels.chapterNumber(entry.number) : labels.articleNumber(entry.number)}
                {entry.title ? ` ${entry.title}` : ""}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
