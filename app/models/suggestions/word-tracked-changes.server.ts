import { checkDocxContainer, readOfficePart } from "~/models/drafts/docx-container.server";
import { ImportError } from "~/models/drafts/import-error.server";

/** One tracked change of a Word paragraph, at offsets of the paragraph's text before the changes. */
export type WordChange =
  | { kind: "insert"; at: number; text: string; author: string; date: string | null }
  | { kind: "delete"; from: number; to: number; text: string; author: string; date: string | null };

/** A Word paragraph holding tracked changes: its text as it was (`base`: kept and deleted words) and the changes. */
export type TrackedParagraph = { base: string; changes: WordChange[] };

/** More tracked changes than this in one file is not a review of a draft (and would flood the editors). */
export const MAX_WORD_CHANGES = 300;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, name: string) =>
    name[0] === "#"
      ? String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : (ENTITIES[name] ?? ""),
  );

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? decodeXml(match[2] ?? match[3] ?? "") : null;
}

type Revision = { kind: "insert" | "delete"; author: string; date: string | null };
type Open = { base: string; changes: WordChange[] };

/**
 * The paragraphs of a DOCX that carry tracked changes (`w:ins`, `w:del`, and moves read as
 * the same), with each change's author and date. Formatting changes (`w:rPrChange`, marks
 * inside `w:rPr`/`w:pPr`) are not words and are left out. The file passes the same container
 * checks as a draft import first (a ZIP of XML, no zip bomb, no DOCTYPE).
 */
export function readTrackedParagraphs(data: Buffer): TrackedParagraph[] {
  checkDocxContainer(data);
  const xml = readOfficePart(data, "word/document.xml")?.toString("utf8");
  if (!xml) throw new ImportError("faults.importNotDocx");
  const found: TrackedParagraph[] = [];
  const paragraphs: Open[] = [];
  const revisions: Revision[] = [];
  let skipped = 0; // depth inside properties (w:pPr, w:rPr, …): their w:ins/w:del mark formatting
  let inText: "t" | "delText" | null = null;
  let changes = 0;
  const tokens = /<(\/?)([A-Za-z][\w.-]*:?[\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
  for (const token of xml.matchAll(tokens)) {
    const [, closing, name, attributes = "", selfClosing, text] = token;
    const paragraph = paragraphs.at(-1);
    if (text !== undefined) {
      if (!inText || !paragraph || skipped > 0) continue;
      const words = decodeXml(text);
      const revision = revisions.at(-1);
      if (inText === "delText" || revision?.kind === "delete") {
        const from = paragraph.base.length;
        paragraph.base += words;
        if (revision?.kind === "delete")
          addChange(paragraph, { kind: "delete", from, to: from + words.length, text: words, ...who(revision) });
      } else if (revision?.kind === "insert") {
        addChange(paragraph, { kind: "insert", at: paragraph.base.length, text: words, ...who(revision) });
      } else paragraph.base += words;
      continue;
    }
    if (!name) continue;
    const isProperties = /^w:(pPr|rPr|sectPr|tblPr|trPr|tcPr|rPrChange|pPrChange)$/.test(name);
    if (isProperties) {
      if (!selfClosing) skipped += closing ? -1 : 1;
      continue;
    }
    if (skipped > 0) continue;
    if (name === "w:p") {
      if (closing) {
        const done = paragraphs.pop();
        if (done && done.changes.length) {
          changes += done.changes.length;
          if (changes > MAX_WORD_CHANGES) throw new ImportError("suggestions.wordImport.tooManyChanges");
          found.push(done);
        }
      } else if (!selfClosing) paragraphs.push({ base: "", changes: [] });
    } else if (/^w:(ins|del|moveTo|moveFrom)$/.test(name)) {
      if (closing) revisions.pop();
      else if (!selfClosing) {
        const kind = name === "w:ins" || name === "w:moveTo" ? "insert" : "delete";
        revisions.push({
          kind,
          author: attribute(attributes, "w:author") ?? "",
          date: attribute(attributes, "w:date"),
        });
      }
    } else if (name === "w:t" || name === "w:delText") {
      inText = closing || selfClosing ? null : name === "w:t" ? "t" : "delText";
    } else if ((name === "w:tab" || name === "w:br") && paragraph && !closing) {
      // A tab or line break reads as a space, as the draft import reads it.
      const revision = revisions.at(-1);
      if (revision?.kind === "insert")
        addChange(paragraph, { kind: "insert", at: paragraph.base.length, text: " ", ...who(revision) });
      else paragraph.base += " ";
    }
  }
  return found;
}

const who = (revision: Revision) => ({
  author: revision.author.slice(0, 200),
  date: revision.date?.slice(0, 40) ?? null,
});

/** Adjacent pieces of one revision (Word splits runs at every formatting change) become one change. */
function addChange(paragraph: Open, change: WordChange): void {
  const last = paragraph.changes.at(-1);
  if (last && last.kind === change.kind && last.author === change.author && last.date === change.date) {
    if (last.kind === "insert" && change.kind === "insert" && last.at === change.at) {
      last.text += change.text;
      return;
    }
    if (last.kind === "delete" && change.kind === "delete" && last.to === change.from) {
      last.to = change.to;
      last.text += change.text;
      return;
    }
  }
  paragraph.changes.push(change);
}
