import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type ParagraphChild,
} from "docx";
import { plainTextOf, type DocNode } from "~/editor/document-json";
import type { ActSource, ExportThread } from "./act-source.server";
import { TITLE_PAGE_STYLE } from "./docx-styles";

/** Same font as the summary exports: Latin, Cyrillic, Armenian and Georgian in one family. */
const FONT = "Noto Sans";
/** Indents in twips: a part under its article, a point under its part. */
const PART_INDENT = 0;
const POINT_INDENT = 567;

type Run = TextRun | ExternalHyperlink;

/** Inline content with its marks; links only to http(s) and mailto, like the HTML view. */
function runs(nodes: DocNode[] | undefined): Run[] {
  return (nodes ?? []).flatMap((node): Run[] => {
    if (node.type === "hardBreak") return [new TextRun({ text: "", break: 1 })];
    if (node.type !== "text") return runs(node.content);
    const marks = new Set((node.marks ?? []).map((m) => m.type));
    const run = new TextRun({
      text: node.text ?? "",
      bold: marks.has("bold") || undefined,
      italics: marks.has("italic") || undefined,
      underline: marks.has("underline") ? {} : undefined,
      strike: marks.has("strike") || undefined,
    });
    const href = String(node.marks?.find((m) => m.type === "link")?.attrs?.href ?? "");
    return /^(https?:|mailto:)/i.test(href) ? [new ExternalHyperlink({ link: href, children: [run] })] : [run];
  });
}

/**
 * Walks the legal structure and writes Word paragraphs: chapters as Heading 1, articles as
 * Heading 2, numbers as text ("Article 3.", "2.", "1)") so that they survive any editing in
 * Word and read back the same; parts and points as indented paragraphs; tables as tables.
 */
class ActWriter {
  private chapter = 0;
  private article = 0;
  private nextCommentId = 0;
  readonly comments: ICommentOptions[] = [];

  constructor(
    private readonly source: ActSource,
    private readonly threadsByArticle: Map<string, ExportThread[]>,
  ) {}

  blocks(nodes: DocNode[] | undefined, scope = { part: 0, point: 0 }): (Paragraph | Table)[] {
    return (nodes ?? []).flatMap((node) => this.block(node, scope));
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
        const number = labels.articleNumber(++this.article);
        const heading = this.heading(HeadingLevel.HEADING_2, number, title, String(node.attrs?.id ?? ""));
        return [heading, ...this.blocks(rest, { part: 0, point: 0 })];
      }
      case "part": {
        scope.part++;
        scope.point = 0;
        return this.numbered(node, `${scope.part}.`, PART_INDENT, scope);
      }
      case "point":
        return this.numbered(node, `${++scope.point})`, POINT_INDENT, scope);
      case "paragraph":
        return [new Paragraph({ children: runs(node.content) })];
      case "bulletList":
      case "orderedList":
        return (node.content ?? []).flatMap((item, index) => {
          const [first, ...rest] = item.content ?? [];
          const marker = node.type === "bulletList" ? "•" : `${index + 1}.`;
          return [
            new Paragraph({
              indent: { left: POINT_INDENT },
              children: [new TextRun(`${marker} `), ...runs(first?.content)],
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
    const text = title ? plainTextOf(title) : "";
    const children: ParagraphChild[] = [new TextRun(text ? `${number} ` : number), ...runs(title?.content)];
    const threads = articleId ? (this.threadsByArticle.get(articleId) ?? []) : [];
    const ids = threads.flatMap((thread) => this.addThread(thread));
    return new Paragraph({
      heading: level,
      children: [
        ...ids.map((id) => new CommentRangeStart(id)),
        ...children,
        ...ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]),
      ],
    });
  }

  /**
   * A thread as Word comments on the same range, one per message (Word shows them in order);
   * the quoted passage opens the first one, since the words may no longer be in the text.
   */
  private addThread(thread: ExportThread): number[] {
    return thread.comments.map((comment, index) => {
      const id = this.nextCommentId++;
      const lines = index === 0 && thread.quote ? [`«${thread.quote}»`, comment.body] : [comment.body];
      this.comments.push({
        id,
        author: comment.author,
        initials: initials(comment.author),
        date: comment.date,
        children: lines
          .flatMap((line) => line.split(/\r?\n/))
          .map((line) => new Paragraph({ children: [new TextRun(line)] })),
      });
      return id;
    });
  }

  /** A part or point: its number before the first paragraph, the rest below it. */
  private numbered(node: DocNode, number: string, indent: number, scope: { part: number; point: number }) {
    const [first, ...rest] = node.content ?? [];
    return [
      new Paragraph({ indent: { left: indent }, children: [new TextRun(`${number} `), ...runs(first?.content)] }),
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
                    new Paragraph({
                      children: header ? [new TextRun({ text: plainTextOf(child), bold: true })] : runs(child.content),
                    }),
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

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join("")
    .slice(0, 3);
}

function titlePage(source: ActSource): Paragraph[] {
  const { labels } = source;
  const style = TITLE_PAGE_STYLE.id;
  const line = (label: string, value: string) =>
    new Paragraph({ style, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
  return [
    new Paragraph({
      style,
      alignment: AlignmentType.CENTER,
      spacing: { before: 2400, after: 600 },
      children: [new TextRun({ text: labels.title, bold: true, size: 36 })],
    }),
    line(labels.kindLabel, labels.kind),
    line(labels.versionLabel, labels.version),
    line(labels.dateLabel, labels.date),
    line(labels.shaLabel, source.sha256),
    new Paragraph({ style, children: [new PageBreak()] }),
  ];
}

/**
 * A draft's text as a Word document a ministry lawyer can keep working on: a title page
 * (title, kind, version, date, SHA-256 with labels in the reader's language), then the text
 * as written. With `threads`, working-group comments become native Word comments anchored
 * on their article's heading; threads on articles no longer in this text are left out.
 */
export async function actToDocx(source: ActSource, threads: ExportThread[] = []): Promise<Buffer> {
  const byArticle = new Map<string, ExportThread[]>();
  for (const thread of threads) byArticle.set(thread.articleId, [...(byArticle.get(thread.articleId) ?? []), thread]);
  const writer = new ActWriter(source, byArticle);
  const body = writer.blocks(source.doc.content);
  const document = new Document({
    title: source.labels.title,
    creator: "Agora",
    styles: {
      default: { document: { run: { font: FONT, size: 22 } } },
      paragraphStyles: [
        {
          id: TITLE_PAGE_STYLE.id,
          name: TITLE_PAGE_STYLE.name,
          basedOn: "Normal",
          paragraph: { spacing: { after: 120 } },
        },
      ],
    },
    comments: { children: writer.comments },
    sections: [{ children: [...titlePage(source), ...body] }],
  });
  return Packer.toBuffer(document);
}
