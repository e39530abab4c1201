import type { ReactNode } from "react";
import type { DocNode } from "~/editor/document-json";
import { useTextLabels } from "./text-language";

type Scope = { part: number; point: number };

/**
 * A frozen document rendered as HTML with the numbering the editor shows: version pages
 * now, public round pages and print views later.
 */
export function DocumentView({
  doc,
  articleFooter,
  startAfter,
  anchors = true,
}: {
  doc: DocNode;
  /** Extra content at the end of each article (e.g. a round's proposal count and link). */
  articleFooter?: (articleId: string, articleNumber: number) => ReactNode;
  /** For a piece of a text (a parallel layout): the chapters and articles before it, so numbers stay the text's. */
  startAfter?: { chapter: number; article: number };
  /** Whether articles carry `id="article-…"` to link to (not in a column beside another text: ids are unique). */
  anchors?: boolean;
}) {
  const labels = useTextLabels();
  const counters = { chapter: startAfter?.chapter ?? 0, article: startAfter?.article ?? 0 };

  const renderAll = (nodes: DocNode[] | undefined, scope?: Scope, offset = 0) =>
    (nodes ?? []).map((child, index) => render(child, index + offset, scope));

  /** A part's or point's first paragraph carries its number. */
  const numbered = (node: DocNode, key: number, className: string, label: string, scope: Scope) => {
    const [first, ...rest] = node.content ?? [];
    return (
      <div key={key} className={className}>
        <p>
          {label} {renderAll(first?.content)}
        </p>
        {renderAll(rest, scope, 1)}
      </div>
    );
  };

  function render(node: DocNode, key: number, scope?: Scope): ReactNode {
    const id = String(node.attrs?.id ?? "");
    switch (node.type) {
      case "text":
        return <TextRun key={key} node={node} />;
      case "hardBreak":
        return <br key={key} />;
      case "paragraph":
        return <p key={key}>{renderAll(node.content)}</p>;
      case "chapter":
        counters.chapter++;
        return (
          <section key={key} className="chapter" data-id={id}>
            {renderAll(node.content)}
          </section>
        );
      case "chapterTitle":
        return (
          <h2 key={key}>
            {labels.chapterNumber(counters.chapter)} {renderAll(node.content)}
          </h2>
        );
      case "article": {
        const number = ++counters.article;
        return (
          <section key={key} className="article" id={anchors ? `article-${id}` : undefined} data-id={id}>
            {renderAll(node.content, { part: 0, point: 0 })}
            {articleFooter?.(id, number)}
          </section>
        );
      }
      case "articleTitle":
        return (
          <h3 key={key}>
            {labels.articleNumber(counters.article)} {renderAll(node.content)}
          </h3>
        );
      case "part": {
        const own = scope ?? { part: 0, point: 0 };
        own.part++;
        own.point = 0;
        return numbered(node, key, "part", `${own.part}.`, own);
      }
      case "point": {
        const own = scope ?? { part: 0, point: 0 };
        own.point++;
        return numbered(node, key, "point", `${own.point})`, own);
      }
      case "bulletList":
        return <ul key={key}>{renderAll(node.content)}</ul>;
      case "orderedList":
        return <ol key={key}>{renderAll(node.content)}</ol>;
      case "listItem":
        return <li key={key}>{renderAll(node.content)}</li>;
      case "table":
        return (
          <table key={key}>
            <tbody>{renderAll(node.content)}</tbody>
          </table>
        );
      case "tableRow":
        return <tr key={key}>{renderAll(node.content)}</tr>;
      case "tableHeader":
        return <th key={key}>{renderAll(node.content)}</th>;
      case "tableCell":
        return <td key={key}>{renderAll(node.content)}</td>;
      default:
        return <div key={key}>{renderAll(node.content)}</div>;
    }
  }

  // `lang`: browsers and screen readers pronounce and hyphenate the text in its own language.
  return (
    <div className="legal-document frozen-document" lang={labels.language}>
      {renderAll(doc.content)}
    </div>
  );
}

/** Text with its marks; links only to http(s) and mailto addresses, never script URLs. */
function TextRun({ node }: { node: DocNode }) {
  let content: ReactNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") content = <strong>{content}</strong>;
    else if (mark.type === "italic") content = <em>{content}</em>;
    else if (mark.type === "underline") content = <u>{content}</u>;
    else if (mark.type === "strike") content = <s>{content}</s>;
    else if (mark.type === "link" && /^(https?:|mailto:)/i.test(String(mark.attrs?.href ?? ""))) {
      content = (
        <a href={String(mark.attrs?.href)} rel="noopener noreferrer nofollow">
          {content}
        </a>
      );
    }
  }
  return <>{content}</>;
}
