import type { Editor } from "@tiptap/react";
import type { ReactNode } from "react";
import { LinkIcon, TableIcon } from "~/components/icons";
import { useT } from "~/i18n/use-t";

type ButtonSpec = { key: string; label: ReactNode; shortcut?: string; run: () => void; active?: boolean };

/** Formatting and structure buttons; each names its keyboard shortcut in its tooltip. */
export function Toolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const chain = () => editor.chain().focus();
  const groups: ButtonSpec[][] = [
    [
      { key: "undo", label: "↶", shortcut: "Ctrl+Z", run: () => chain().undo().run() },
      { key: "redo", label: "↷", shortcut: "Ctrl+Shift+Z", run: () => chain().redo().run() },
    ],
    [
      {
        key: "bold",
        label: "B",
        shortcut: "Ctrl+B",
        run: () => chain().toggleBold().run(),
        active: editor.isActive("bold"),
      },
      {
        key: "italic",
        label: "I",
        shortcut: "Ctrl+I",
        run: () => chain().toggleItalic().run(),
        active: editor.isActive("italic"),
      },
      {
        key: "underline",
        label: "U",
        shortcut: "Ctrl+U",
        run: () => chain().toggleUnderline().run(),
        active: editor.isActive("underline"),
      },
      {
        key: "link",
        label: <LinkIcon />,
        run: () => {
          const href = window.prompt(t("editor.linkPrompt"), editor.getAttributes("link").href ?? "https://");
          if (href === null) return;
          if (href === "") chain().unsetLink().run();
          else chain().extendMarkRange("link").setLink({ href }).run();
        },
        active: editor.isActive("link"),
      },
    ],
    [
      { key: "bulletList", label: "•", shortcut: "Ctrl+Shift+8", run: () => chain().toggleBulletList().run() },
      { key: "orderedList", label: "1.", shortcut: "Ctrl+Shift+7", run: () => chain().toggleOrderedList().run() },
      {
        key: "table",
        label: <TableIcon />,
        run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      },
    ],
    [
      { key: "chapter", label: t("editor.chapter"), shortcut: "Ctrl+Alt+1", run: () => chain().insertChapter().run() },
      { key: "article", label: t("editor.article"), shortcut: "Ctrl+Alt+2", run: () => chain().insertArticle().run() },
      { key: "part", label: t("editor.part"), shortcut: "Ctrl+Alt+3", run: () => chain().insertPart().run() },
      { key: "point", label: t("editor.point"), shortcut: "Ctrl+Alt+4", run: () => chain().insertPoint().run() },
    ],
  ];
  return (
    <div className="toolbar" role="toolbar" aria-label={t("editor.toolbar")}>
      {groups.map((group, index) => (
        <div className="toolbar-group" key={index}>
          {group.map((button) => {
            const name = t(`editor.actions.${button.key}`);
            return (
              <button
                key={button.key}
                type="button"
                className={button.active ? "is-active" : undefined}
                aria-pressed={button.active}
                aria-label={name}
                title={button.shortcut ? `${name} (${button.shortcut})` : name}
                data-action={button.key}
                onMouseDown={(event) => event.preventDefault()}
                onClick={button.run}
              >
                {button.label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
