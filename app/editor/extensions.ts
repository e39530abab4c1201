import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import { Article, ArticleTitle, Chapter, ChapterTitle, LegalDocument, Part, Point } from "./structure-nodes";
import { StableIds } from "./stable-ids";
import { StructureCommands } from "./structure-commands";

/**
 * The legal-act schema shared by the browser editor, the collab server (derived data) and
 * exports. Undo/redo comes from the Yjs undo manager (only one's own changes), so
 * StarterKit's history is off; headings are replaced by chapter and article titles.
 */
export function legalActExtensions(): Extensions {
  return [
    LegalDocument,
    StarterKit.configure({
      document: false,
      undoRedo: false,
      heading: false,
      codeBlock: false,
      code: false,
      blockquote: false,
      horizontalRule: false,
      link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Chapter,
    ChapterTitle,
    Article,
    ArticleTitle,
    Part,
    Point,
    StableIds,
    StructureCommands,
  ];
}
