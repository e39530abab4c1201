import type { DocNode } from "~/editor/document-json";
import type { TextLanguage } from "~/i18n/text-languages";
import { parallelRows } from "~/texts/parallel-units";
import { DocumentView } from "./document-view";
import { TextLanguageProvider } from "./text-language";

/** A text in a parallel layout, with its column's words already in its own language (made on the server). */
export type ParallelColumn = {
  language: TextLanguage;
  /** "Текст на языке: русский · Перевод": the text's language and authority, in that language. */
  heading: string;
  /** What a cell says where this text lacks the article, in its language. */
  missing: string;
  doc: DocNode;
};

/**
 * Every text of an act side by side, as printed: one table, a column per text (its `lang`,
 * its labels and numbering), a row per chapter heading or article matched by stable id. The
 * column headings repeat on every printed page (a table header does).
 */
export function ParallelDocumentView({ columns, caption }: { columns: ParallelColumn[]; caption: string }) {
  const rows = parallelRows(columns.map((column) => column.doc));
  return (
    <table className="parallel-document" data-testid="parallel-document">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.language} scope="col" lang={column.language}>
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-row-id={row.id}>
            {row.cells.map((unit, index) => {
              const column = columns[index]!;
              return (
                <td key={column.language} lang={column.language}>
                  {unit ? (
                    <TextLanguageProvider language={column.language}>
                      <DocumentView
                        doc={{ type: "doc", content: unit.nodes }}
                        startAfter={unit.before}
                        anchors={false}
                      />
                    </TextLanguageProvider>
                  ) : (
                    <p className="muted">{column.missing}</p>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
