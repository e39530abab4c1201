import type { Editor } from "@tiptap/react";
import { useId, useState } from "react";
import { newNodeId } from "~/editor/stable-ids";
import { structuralPlaceAt } from "~/editor/structure-suggestion";
import {
  MAX_SUGGESTED_PARAGRAPHS,
  SUGGESTED_NODE_TYPES,
  suggestNodeInsertion,
  suggestNodeRemoval,
  type SuggestedNodeType,
} from "~/editor/suggestions";
import { useT } from "~/i18n/use-t";

type Props = { editor: Editor; author: { id: string; name: string } };

/**
 * While suggesting: propose a whole new article, part or point after the one at the cursor, or
 * propose removing it. Both become entries of the suggestions map (the text keeps its structure
 * until an editor accepts); the collab server checks them like any other suggestion.
 */
export function StructureSuggestions({ editor, author }: Props) {
  const t = useT();
  const ids = { type: useId(), title: useId(), words: useId() };
  const [type, setType] = useState<SuggestedNodeType>("article");
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState("");
  const [words, setWords] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  const place = () => structuralPlaceAt(editor.state, type);
  const remove = () => {
    const found = place();
    const done = found?.element ? suggestNodeRemoval(found.doc, { author, element: found.element }) : null;
    setMessage(done ? t("suggestions.structure.removalSuggested") : t("suggestions.structure.noPlace"));
  };
  const add = () => {
    const found = place();
    const paragraphs = words.split(/\n+/).slice(0, MAX_SUGGESTED_PARAGRAPHS);
    const done = found
      ? suggestNodeInsertion(found.doc, { author, ...found, type, title, paragraphs, nodeId: newNodeId() })
      : null;
    if (!found) return setMessage(t("suggestions.structure.noPlace"));
    if (!done) return setMessage(t("suggestions.structure.needsWords"));
    setAdding(false);
    setTitle("");
    setWords("");
    setMessage(t("suggestions.structure.insertionSuggested"));
  };

  return (
    <div className="structure-suggestions stack" data-testid="structure-suggestions">
      <div className="button-row">
        <label htmlFor={ids.type}>{t("suggestions.structure.unit")}</label>
        <select
          id={ids.type}
          value={type}
          onChange={(e) => setType(e.target.value as SuggestedNodeType)}
          data-testid="structure-suggestion-type"
        >
          {SUGGESTED_NODE_TYPES.map((name) => (
            <option key={name} value={name}>
              {t(`suggestions.structure.${name}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setAdding(true)}
          data-testid="suggest-new-node"
        >
          {t("suggestions.structure.add")}
        </button>
        <button
          type="button"
          className="button"
          onMouseDown={(e) => e.preventDefault()}
          onClick={remove}
          data-testid="suggest-node-removal"
        >
          {t("suggestions.structure.remove")}
        </button>
      </div>
      {adding ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          {type === "article" ? (
            <>
              <label htmlFor={ids.title}>{t("suggestions.structure.title")}</label>
              <input id={ids.title} value={title} maxLength={1000} onChange={(e) => setTitle(e.target.value)} />
            </>
          ) : null}
          <label htmlFor={ids.words}>{t("suggestions.structure.words")}</label>
          <textarea
            id={ids.words}
            value={words}
            maxLength={20_000}
            onChange={(e) => setWords(e.target.value)}
            data-testid="structure-suggestion-words"
          />
          <div className="button-row">
            <button type="submit" className="button" data-testid="confirm-new-node">
              {t("suggestions.structure.submit")}
            </button>
            <button type="button" className="link-button" onClick={() => setAdding(false)}>
              {t("suggestions.cancel")}
            </button>
          </div>
        </form>
      ) : null}
      {message ? (
        <p className="muted small" role="status" data-testid="structure-suggestion-status">
          {message}
        </p>
      ) : null}
    </div>
  );
}
