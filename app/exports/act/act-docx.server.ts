import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  InsertedTextRun,
  DeletedTextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { plainTextOf, type DocNode } from "~/editor/document-json";
import { CM, officialFooter, officialPage, officialStyles, scriptRuns } from "../official/official-docx.server";
import { footerFacts, titleBlockLines } from "./act-facts";
import type { ContentLanguage } from "./content-language";
import type { ActSource, ExportThread } from "./act-source.server";
import { TITLE_PAGE_STYLE } from "./docx-styles";
import { threadComments, withCommentThreads, type ThreadedComment } from "./docx-comment-threads.server";
import {
  paragraphMarkOf,
  paragraphMarkRevision,
  trackedLabel,
  trackedRuns,
  type ParagraphMark,
  type TrackedText,
} from "./docx-tracked-changes.server";
import type { Suggestion } from "~/editor/suggestions";
import type { TextUnit } from "~/texts/parallel-units";

/** 12 pt (in half-points), the size drafts are sent in. */
const BODY_SIZE = 24;
/** Indents in twips: the first line of a paragraph or part, a point under its part. */
const FIRST_LINE = Math.round(1.25 * CM);
const POINT_INDENT = CM;

type Run = TextRun | ExternalHyperlink | InsertedTextRun | DeletedTextRun;

/** Inline content with its marks, one run per script; links only to http(s) and mailto, like the HTML view. */
function runs(
  nodes: DocNode[] | undefined,
  language: ContentLanguage,
  changes?: Suggestion[],
  base: ContentLanguage = language,
): Run[] {
  return (nodes ?? []).flatMap((node): Run[] => {
    if (node.type === "hardBreak") return [new TextRun({ text: "", break: 1 })];
    if (node.type !== "text") return runs(node.content, language, changes, base);
    const marks = new Set((node.marks ?? []).map((m) => m.type));
    const options = {
      bold: marks.has("bold") || undefined,
      italics: marks.has("italic") || undefined,
      underline: marks.has("underline") ? {} : undefined,
      strike: marks.has("strike") || undefined,
    };
    const parts = trackedRuns(node.text ?? "", changes, (words) => scriptRuns(words, language, options, base), options);
    const href = String(node.marks?.find((m) => m.type === "link")?.attrs?.href ?? "");
    return /^(https?:|mailto:)/i.test(href) ? [new ExternalHyperlink({ link: href, children: parts })] : parts;
  });
}

/**
 * Walks the legal structure and writes Word paragraphs: chapters as Heading 1, articles as
 * Heading 2, numbers as text ("Article 3.", "2.", "1)") so that they survive any editing in
 * Word and read back the same; parts and points as indented paragraphs; tables as tables.
 */
export class ActWriter {
  private chapter = 0;
  private article = 0;
  private nextCommentId = 0;
  readonly comments: ThreadedComment[] = [];

  constructor(
    private readonly source: ActSource,
    private readonly threadsByArticle: Map<string, ExportThread[]>,
    private readonly changes?: Suggestion[],
    /** The document's default language when this text is one column of several. */
    private readonly base: ContentLanguage = source.language,
  ) {}

  blocks(nodes: DocNode[] | undefined, scope = { part: 0, point: 0 }): (Paragraph | Table)[] {
    return (nodes ?? []).flatMap((node) => this.block(node, scope));
  }

  /** One piece of a parallel layout, numbered as in its own text. */
  unit(unit: TextUnit): (Paragraph | Table)[] {
    this.chapter = unit.before.chapter;
    this.article = unit.before.article;
    return this.blocks(unit.nodes);
  }

  private get language(): ContentLanguage {
    return this.source.language;
  }

  private runs(nodes: DocNode[] | undefined, changes?: Suggestion[]): Run[] {
    return runs(nodes, this.language, changes, this.base);
  }

  /** A number or marker: the text's face and language when they are not the document's (a column). */
  private plain(text: string): TextRun[] {
    return scriptRuns(text, this.language, {}, this.base);
  }

  /** Whether a paragraph (its inline content) is a proposed new one or one proposed for removal. */
  private markOf(content: DocNode[] | undefined): ParagraphMark | null {
    return paragraphMarkOf(content, this.changes);
  }

  /** The paragraph mark's tracked change, in `w:pPr` (the docx library has no option for it). */
  private withMark(paragraph: Paragraph, mark: ParagraphMark | null): Paragraph {
    if (mark)
      (paragraph as unknown as { properties: { push(item: unknown): void } }).properties.push(
        paragraphMarkRevision(mark),
      );
    return paragraph;
  }

  /** A number or marker, tracked like the words of its paragraph when that one is proposed or to go. */
  private label(text: string, mark: ParagraphMark | null): Run[] {
    return mark ? [trackedLabel(text, mark)] : this.plain(text);
  }

  private block(node: DocNode, scope: { part: number; point: number }): (Paragraph | Table)[] {
    const { labels } = this.source;
    switch (node.type) {
      case "chapter": {
        const [title, ...rest] = node.content ?? [];
        const number = labels.chapterNumber(++this.chapter);
        return [this.heading(HeadingLevel.HEADING_1, number, title), ...this.blocks(rest)];
      }
      case "article": {
        const [title, ...rest] = node.content ?? [];
        // A proposed unit shows the number it would take; the accepted ones keep the numbers of the accepted text.
        const proposed = this.markOf(title?.content)?.kind === "w:ins";
        const number = labels.articleNumber(proposed ? this.article + 1 : ++this.article);
        const heading = this.heading(HeadingLevel.HEADING_2, number, title, String(node.attrs?.id ?? ""));
        return [heading, ...this.blocks(rest, { part: 0, point: 0 })];
      }
      case "part": {
        if (this.markOf(node.content?.[0]?.content)?.kind === "w:ins")
          return this.numbered(node, `${scope.part + 1}.`, { firstLine: FIRST_LINE }, { part: scope.part, point: 0 });
        scope.part++;
        scope.point = 0;
        return this.numbered(node, `${scope.part}.`, { firstLine: FIRST_LINE }, scope);
      }
      case "point": {
        const proposed = this.markOf(node.content?.[0]?.content)?.kind === "w:ins";
        return this.numbered(node, `${proposed ? scope.point + 1 : ++scope.point})`, { left: POINT_INDENT }, scope);
      }
      case "paragraph":
        return [
          this.withMark(
            new Paragraph({
              indent: { firstLine: FIRST_LINE },
              children: this.runs(node.content, this.changes),
            }),
            this.markOf(node.content),
          ),
        ];
      case "bulletList":
      case "orderedList":
        return (node.content ?? []).flatMap((item, index) => {
          const [first, ...rest] = item.content ?? [];
          const marker = node.type === "bulletList" ? "•" : `${index + 1}.`;
          return [
            new Paragraph({
              indent: { left: POINT_INDENT },
              children: [...this.plain(`${marker} `), ...this.runs(first?.content, this.changes)],
            }),
            ...this.blocks(rest, scope),
          ];
        });
      case "table":
        return [this.table(node)];
      default:
        return this.blocks(node.content, scope);
    }
  }

  /** "Article 3. Title" as a Word heading, carrying the article's comments. */
  private heading(
    level: (typeof HeadingLevel)[keyof typeof HeadingLevel],
    number: string,
    title: DocNode | undefined,
    articleId?: string,
  ): Paragraph {
    const text = title ? plainTextOf(title).replace(/[\uE000-\uE006]\d*\uE004?/g, "") : "";
    const mark = this.markOf(title?.content);
    const label = text ? `${number} ` : number;
    const children: ParagraphChild[] = [
      ...(mark ? [trackedLabel(label, mark)] : scriptRuns(label, this.language, {}, this.base)),
      ...this.runs(title?.content, this.changes),
    ];
    const threads = articleId ? (this.threadsByArticle.get(articleId) ?? []) : [];
    const ids = threads.flatMap((thread) => this.addThread(thread));
    const paragraph = new Paragraph({
      heading: level,
      children: [
        ...ids.map((id) => new CommentRangeStart(id)),
        ...children,
        ...ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]),
      ],
    });
    return this.withMark(paragraph, mark);
  }

  /**
   * A thread as Word comments on the same range: the first opens the thread, each reply is
   * linked to it (Word shows them nested) and a resolved thread is marked done. The quoted
   * passage opens the first one, since the words may no longer be in the text.
   */
  private addThread(thread: ExportThread): number[] {
    const comments = threadComments(thread, this.nextCommentId);
    this.nextCommentId += comments.length;
    this.comments.push(...comments);
    return comments.map((comment) => comment.id);
  }

  /** A part or point: its number before the first paragraph, the rest below it. */
  private numbered(
    node: DocNode,
    number: string,
    indent: { left?: number; firstLine?: number },
    scope: { part: number; point: number },
  ) {
    const [first, ...rest] = node.content ?? [];
    const mark = this.markOf(first?.content);
    return [
      this.withMark(
        new Paragraph({
          indent,
          children: [...this.label(`${number} `, mark), ...this.runs(first?.content, this.changes)],
        }),
        mark,
      ),
      ...this.blocks(rest, scope),
    ];
  }

  private table(node: DocNode): Table {
    const rows = node.content ?? [];
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map((row) => {
        const cells = row.content ?? [];
        const header = cells.length > 0 && cells.every((c) => c.type === "tableHeader");
        return new TableRow({
          tableHeader: header || undefined,
          children: cells.map((cell) => {
            const paragraphs = (cell.content ?? []).flatMap((child) =>
              child.type === "paragraph"
                ? [
                    this.withMark(
                      new Paragraph({
                        alignment: AlignmentType.LEFT,
                        // A header cell's words are bold; with a suggestion in them they are runs like any other.
                        children:
                          header && !/[\uE000-\uE006]/.test(plainTextOf(child))
                            ? scriptRuns(plainTextOf(child), this.language, { bold: true }, this.base)
                            : this.runs(child.content, this.changes),
                      }),
                      this.markOf(child.content),
                    ),
                  ]
                : this.blocks([child]).filter((b): b is Paragraph => b instanceof Paragraph),
            );
            return new TableCell({ children: paragraphs.length ? paragraphs : [new Paragraph("")] });
          }),
        });
      }),
    });
  }
}

/** The title block, centred; its own style lets the importer drop it on the way back. */
function titleBlock(source: ActSource): Paragraph[] {
  const { draftMark, kind, title } = titleBlockLines(source);
  const style = TITLE_PAGE_STYLE.id;
  const line = (text: string, after: number) =>
    new Paragraph({
      style,
      alignment: AlignmentType.CENTER,
      spacing: { after },
      children: scriptRuns(text, source.language, { bold: true }),
    });
  return [...(draftMark ? [line(draftMark, 240)] : []), line(kind, 120), line(title, 480)];
}

/**
 * A draft's text as the Word document a ministry sends: A4, serif faces per script, the title
 * block, chapters and articles as (restyled) Word headings, justified text, and on every page
 * the page number with the version, date and SHA-256. With `threads`, working-group comments
 * become native, threaded Word comments anchored on their article's heading; threads on
 * articles no longer in this text are left out.
 */
export async function actToDocx(
  source: ActSource,
  threads: ExportThread[] = [],
  tracked: TrackedText | null = null,
): Promise<Buffer> {
  const byArticle = new Map<string, ExportThread[]>();
  for (const thread of threads) byArticle.set(thread.articleId, [...(byArticle.get(thread.articleId) ?? []), thread]);
  const writer = new ActWriter(source, byArticle, tracked?.changes);
  // With pending suggestions, the same text with them marked as tracked changes (title block and hash: accepted text).
  const body = writer.blocks((tracked?.doc ?? source.doc).content);
  const styles = officialStyles(source.language, { size: BODY_SIZE, justified: true });
  const document = new Document({
    title: source.labels.title,
    subject: source.labels.kind,
    description: `SHA-256 ${source.sha256}`,
    creator: "Agora",
    styles: {
      ...styles,
      paragraphStyles: [
        {
          id: TITLE_PAGE_STYLE.id,
          name: TITLE_PAGE_STYLE.name,
          basedOn: "Normal",
          paragraph: { alignment: AlignmentType.CENTER, keepNext: true },
        },
      ],
    },
    comments: { children: writer.comments },
    sections: [
      {
        properties: officialPage("portrait"),
        footers: officialFooter(footerFacts(source), source.language),
        children: [...titleBlock(source), ...body],
      },
    ],
  });
  return withCommentThreads(await Packer.toBuffer(document), writer.comments);
}
