import { Paragraph, TextRun, type ICommentOptions } from "docx";
import JSZip from "jszip";

/** A Word comment with what Word's threads need beside it (the `docx` package writes neither). */
export type ThreadedComment = ICommentOptions & { id: number; parentId: number | null; done: boolean };

export type CommentThreadInput = {
  quote: string | null;
  resolved: boolean;
  comments: { author: string; date: Date; body: string }[];
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join("")
    .slice(0, 3);
}

/**
 * One Word comment per message, numbered from `firstId`: the first opens the thread (its
 * quoted passage first), every other one is a reply to it, and all carry the thread's
 * resolved state, as Word marks a whole thread done.
 */
export function threadComments(thread: CommentThreadInput, firstId: number): ThreadedComment[] {
  return thread.comments.map((comment, index) => {
    const lines = index === 0 && thread.quote ? [`«${thread.quote}»`, comment.body] : [comment.body];
    return {
      id: firstId + index,
      parentId: index === 0 ? null : firstId,
      done: thread.resolved,
      author: comment.author,
      initials: initials(comment.author),
      date: comment.date,
      children: lines
        .flatMap((line) => line.split(/\r?\n/))
        .map((line) => new Paragraph({ children: [new TextRun(line)] })),
    };
  });
}

/** Word links a comment to its thread through the `w14:paraId` of the comment's last paragraph. */
function paraId(commentId: number): string {
  return (0x10000000 + commentId).toString(16).toUpperCase();
}

const EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml";
const EXTENDED_RELATIONSHIP = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended";
const W15 = "http://schemas.microsoft.com/office/word/2012/wordml";

/**
 * Adds Word 2013's comment threads to a finished DOCX: a `w14:paraId` on each comment's last
 * paragraph and `word/commentsExtended.xml` listing, per comment, its parent
 * (`w15:paraIdParent`) and whether the thread is done (`w15:done`). Readers without threads
 * (LibreOffice, older Word) ignore the part and show the comments one after another.
 */
export async function withCommentThreads(docx: Buffer, comments: ThreadedComment[]): Promise<Buffer> {
  if (comments.length === 0) return docx;
  const zip = await JSZip.loadAsync(docx);
  const commentsXml = await zip.file("word/comments.xml")!.async("string");
  const tagged = commentsXml
    .replace(/<w:comments (?![^>]*mc:Ignorable)/, '<w:comments mc:Ignorable="w14 w15" ')
    .replace(/(<w:comment [^>]*w:id="(\d+)"[^>]*>)([\s\S]*?)(<\/w:comment>)/g, (_, open, id, inner: string, close) => {
      const last = inner.lastIndexOf("<w:p>");
      const body =
        last < 0 ? inner : `${inner.slice(0, last)}<w:p w14:paraId="${paraId(Number(id))}">${inner.slice(last + 5)}`;
      return `${open}${body}${close}`;
    });
  zip.file("word/comments.xml", tagged);

  const entries = comments.map((comment) => {
    const parent = comment.parentId === null ? "" : ` w15:paraIdParent="${paraId(comment.parentId)}"`;
    return `<w15:commentEx w15:paraId="${paraId(comment.id)}"${parent} w15:done="${comment.done ? 1 : 0}"/>`;
  });
  zip.file(
    "word/commentsExtended.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="${W15}">${entries.join("")}</w15:commentsEx>`,
  );

  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override ContentType="${EXTENDED_TYPE}" PartName="/word/commentsExtended.xml"/></Types>`,
    ),
  );
  const relsPath = "word/_rels/document.xml.rels";
  const rels = await zip.file(relsPath)!.async("string");
  zip.file(
    relsPath,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdAgoraCommentsExtended" Type="${EXTENDED_RELATIONSHIP}" Target="commentsExtended.xml"/></Relationships>`,
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
