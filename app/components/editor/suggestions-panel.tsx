import type { Editor } from "@tiptap/react";
import { useEffect, useId, useState } from "react";
import type * as Y from "yjs";
import { LocalDate } from "~/components/local-date";
import type { OutlineEntry } from "~/editor/outline";
import { placeSuggestions, type PlacedSuggestion } from "~/editor/suggestion-mode";
import { acceptSuggestion, rejectSuggestion, withdrawSuggestion, type Suggestion } from "~/editor/suggestions";
import { organizationName, type OrganizationNameFields } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { WordSource } from "./word-source";

/** Who works for which organization, as the server derived it from verified author ids. */
export type SuggestionOrganizations = {
  byAuthor: Record<string, string>;
  organizations: (OrganizationNameFields & { id: string })[];
};

/** The organization filter's value for authors the server named no organization for. */
const NO_ORGANIZATION = "-";

type Props = {
  editor: Editor | null;
  doc: Y.Doc;
  outline: OutlineEntry[];
  canDecide: boolean;
  userId: string;
  colorOf: (authorId: string) => string;
  organizations: SuggestionOrganizations;
  /** Comment threads by the suggestion they discuss (how many comments each has). */
  discussions: Map<string, number>;
  /** Opens the suggestion's thread, or a new one about it. */
  onDiscuss: ((suggestion: Suggestion) => void) | null;
};

/**
 * Open suggestions in text order, filtered by author, organization and article. Editors accept or reject
 * each (a rejection may say why), all of one author or all in one article. Keys (anywhere on
 * the page): Alt+Shift+Down / Alt+Shift+Up next and previous, Alt+Shift+A accept, Alt+Shift+R
 * reject the current one.
 */
export function SuggestionsPanel(props: Props) {
  const { editor, doc, outline, canDecide, userId, colorOf, organizations, discussions, onDiscuss } = props;
  const t = useT();
  const [placed, setPlaced] = useState<PlacedSuggestion[]>([]);
  const [author, setAuthor] = useState("");
  const [article, setArticle] = useState("");
  const [organization, setOrganization] = useState("");
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const reasonId = useId();

  useEffect(() => {
    if (!editor) return;
    const measure = () => setPlaced(placeSuggestions(editor.state));
    measure();
    editor.on("transaction", measure);
    return () => {
      editor.off("transaction", measure);
    };
  }, [editor]);

  const authors = [...new Map(placed.map((p) => [p.suggestion.authorId, p.suggestion.authorName])).entries()];
  const organizationOf = (authorId: string) => organizations.byAuthor[authorId] ?? NO_ORGANIZATION;
  const organizationLabel = (id: string) => {
    const found = organizations.organizations.find((o) => o.id === id);
    return found ? organizationName(found, t.locale) : t("suggestions.noOrganization");
  };
  const authorOrganizations = [...new Set(placed.map((p) => organizationOf(p.suggestion.authorId)))];
  const shown = placed.filter(
    (p) =>
      (!author || p.suggestion.authorId === author) &&
      (!organization || organizationOf(p.suggestion.authorId) === organization) &&
      (!article || p.suggestion.articleId === article),
  );
  const articleLabel = (id: string | null) => {
    const entry = outline.find((e) => e.id === id && e.type === "article");
    return entry ? t("editor.articleNumber", { number: t.number(entry.number) }) : t("suggestions.noArticle");
  };

  const select = (p: PlacedSuggestion | undefined) => {
    if (!p) return;
    setCurrentId(p.suggestion.id);
    if (editor && p.from !== null) editor.chain().setTextSelection(p.from).scrollIntoView().run();
    document.querySelector<HTMLElement>(`[data-suggestion-card="${CSS.escape(p.suggestion.id)}"]`)?.focus();
  };
  const move = (step: 1 | -1) => {
    const index = shown.findIndex((p) => p.suggestion.id === currentId);
    select(shown[index === -1 ? (step === 1 ? 0 : shown.length - 1) : (index + step + shown.length) % shown.length]);
  };
  const accept = (id: string) => acceptSuggestion(doc, id);
  const reject = (id: string, why: string) => {
    rejectSuggestion(doc, id, why || null);
    setRejecting(null);
    setReason("");
  };
  const startRejecting = (id: string) => {
    setRejecting(id);
    setReason("");
    requestAnimationFrame(() => document.getElementById(reasonId)?.focus());
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey) return;
      const handled =
        event.code === "ArrowDown"
          ? (move(1), true)
          : event.code === "ArrowUp"
            ? (move(-1), true)
            : event.code === "KeyA" && canDecide && currentId
              ? (accept(currentId), true)
              : event.code === "KeyR" && canDecide && currentId
                ? (startRejecting(currentId), true)
                : false;
      if (handled) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const decideAll = (match: (p: PlacedSuggestion) => boolean, outcome: "accept" | "reject") => {
    for (const p of shown.filter(match)) {
      if (outcome === "accept") accept(p.suggestion.id);
      else rejectSuggestion(doc, p.suggestion.id, null);
    }
  };

  return (
    <section className="suggestions-panel" aria-label={t("suggestions.title")} data-testid="suggestions-panel">
      <h2>{t("suggestions.title")}</h2>
      <p className="muted small">{t("suggestions.keys")}</p>
      <div className="suggestion-filters">
        <label>
          {t("suggestions.byAuthor")}
          <select value={author} onChange={(e) => setAuthor(e.target.value)} data-testid="suggestion-author-filter">
            <option value="">{t("suggestions.everyone")}</option>
            {authors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("suggestions.byOrganization")}
          <select
            value={organization}
            onChange={(e) => setOrganization(e.target.value)}
            data-testid="suggestion-organization-filter"
          >
            <option value="">{t("suggestions.allOrganizations")}</option>
            {authorOrganizations.map((id) => (
              <option key={id} value={id}>
                {organizationLabel(id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("suggestions.byArticle")}
          <select value={article} onChange={(e) => setArticle(e.target.value)} data-testid="suggestion-article-filter">
            <option value="">{t("suggestions.everywhere")}</option>
            {outline
              .filter((e) => e.type === "article")
              .map((e) => (
                <option key={e.id} value={e.id}>
                  {articleLabel(e.id)}
                </option>
              ))}
          </select>
        </label>
      </div>
      {canDecide && (author || organization || article) && shown.length > 0 ? (
        <div className="button-row">
          <button type="button" className="button" onClick={() => decideAll(() => true, "accept")}>
            {t("suggestions.acceptShown", { count: t.number(shown.length) })}
          </button>
          <button type="button" className="button" onClick={() => decideAll(() => true, "reject")}>
            {t("suggestions.rejectShown", { count: t.number(shown.length) })}
          </button>
        </div>
      ) : null}
      {shown.length === 0 ? <p className="muted">{t("suggestions.none")}</p> : null}
      <ol className="plain-list">
        {shown.map((p) => {
          const { suggestion } = p;
          const applicable = p.from !== null;
          return (
            <li
              key={suggestion.id}
              className="card suggestion-card"
              tabIndex={-1}
              data-suggestion-card={suggestion.id}
              data-testid="suggestion-card"
              data-current={suggestion.id === currentId}
              style={{ borderInlineStartColor: colorOf(suggestion.authorId) }}
              onFocus={() => setCurrentId(suggestion.id)}
            >
              <div className="muted small">
                {suggestion.authorName} ({organizationLabel(organizationOf(suggestion.authorId))}) ·{" "}
                <LocalDate value={suggestion.createdAt} withTime /> · {articleLabel(suggestion.articleId)}
              </div>
              {suggestion.source ? (
                <div>
                  <WordSource
                    author={suggestion.source.author}
                    date={suggestion.source.date}
                    testId="suggestion-from-word"
                  />
                </div>
              ) : null}
              <p>
                {suggestion.node ? (
                  <strong>
                    {t(
                      suggestion.kind === "split"
                        ? "suggestions.structure.split"
                        : `suggestions.structure.${suggestion.node.type}`,
                    )}
                    :{" "}
                  </strong>
                ) : null}
                {suggestion.quote ? <del aria-label={t("suggestions.deleted")}>{suggestion.quote}</del> : null}{" "}
                {suggestion.text ? <ins aria-label={t("suggestions.inserted")}>{suggestion.text}</ins> : null}
              </p>
              {!applicable ? (
                <p className="form-error" data-testid="suggestion-not-applicable">
                  {t("suggestions.notApplicable")}
                </p>
              ) : null}
              <div className="button-row">
                <button type="button" className="link-button" onClick={() => select(p)}>
                  {t("suggestions.show")}
                </button>
                {onDiscuss ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onDiscuss(suggestion)}
                    data-testid="discuss-suggestion"
                  >
                    {discussions.has(suggestion.id)
                      ? t("suggestions.discussion", { count: t.number(discussions.get(suggestion.id) ?? 0) })
                      : t("suggestions.discuss")}
                  </button>
                ) : null}
                {canDecide && applicable ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() => accept(suggestion.id)}
                    data-testid="accept-suggestion"
                  >
                    {t("suggestions.accept")}
                  </button>
                ) : null}
                {canDecide ? (
                  <button
                    type="button"
                    className="button"
                    onClick={() => startRejecting(suggestion.id)}
                    data-testid="reject-suggestion"
                  >
                    {t("suggestions.reject")}
                  </button>
                ) : null}
                {!canDecide && suggestion.authorId === userId ? (
                  <button type="button" className="button" onClick={() => withdrawSuggestion(doc, suggestion.id)}>
                    {t("suggestions.withdraw")}
                  </button>
                ) : null}
              </div>
              {rejecting === suggestion.id ? (
                <form
                  className="stack"
                  onSubmit={(event) => {
                    event.preventDefault();
                    reject(suggestion.id, reason.trim());
                  }}
                >
                  <label htmlFor={reasonId}>{t("suggestions.reason")}</label>
                  <textarea
                    id={reasonId}
                    value={reason}
                    maxLength={2000}
                    onChange={(e) => setReason(e.target.value)}
                    data-testid="reject-reason"
                  />
                  <div className="button-row">
                    <button type="submit" className="button" data-testid="confirm-reject">
                      {t("suggestions.confirmReject")}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setRejecting(null)}
                      data-testid="cancel-reject"
                    >
                      {t("suggestions.cancel")}
                    </button>
                  </div>
                </form>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
