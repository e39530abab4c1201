import { MentionTextarea } from "./mention-textarea";
import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { LocalDate } from "~/components/local-date";
import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { FlagControl, HiddenNotice, ModerationControls } from "~/components/moderation/moderation-controls";
import { CommentBody } from "./comment-body";
import type { AnchorState, PanelThread } from "./types";

type Props = {
  thread: PanelThread;
  anchor: AnchorState;
  active: boolean;
  actionUrl: string;
  onSelect: () => void;
  /** Escape: back to the text. */
  onLeave: () => void;
};

/**
 * One thread: what it is about, its comments, a reply box, and resolve/reopen. With the
 * keyboard: the quote is a button (Enter shows the passage in the text); the card itself
 * takes focus when opened from the text (Alt+Enter), Enter on it shows the passage, and
 * Escape anywhere in it goes back to the text.
 */
export function ThreadCard({ thread, anchor, active, actionUrl, onSelect, onLeave }: Props) {
  const t = useT();
  const fetcher = useFetcher<{ ok: boolean; errors: Record<string, string> }>();
  const [editing, setEditing] = useState<string | null>(null);
  const errors = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {};
  return (
    <article
      className={`thread card${active ? " is-active" : ""}${thread.status === "RESOLVED" ? " is-resolved" : ""}`}
      data-testid="thread"
      data-thread-id={thread.id}
      tabIndex={-1}
      aria-label={thread.quote ? `${t("comments.thread")}: ${thread.quote}` : t("comments.onArticle")}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onLeave();
        } else if (event.key === "Enter" && event.target === event.currentTarget && !active) {
          event.preventDefault();
          onSelect();
        }
      }}
    >
      <button type="button" className="thread-anchor link-button" onClick={onSelect} aria-pressed={active}>
        {thread.quote ? (
          <q className={anchor === "gone" ? "quote-gone" : undefined}>{thread.quote}</q>
        ) : (
          t("comments.onArticle")
        )}
        {anchor === "gone" ? <span className="badge warning">{t("comments.textRemoved")}</span> : null}
      </button>
      <div className="thread-meta muted">
        {thread.visibility === "INTERNAL" ? <span className="badge">{t("comments.internal")}</span> : null}
        {thread.suggestionId ? (
          <span className="badge" data-testid="thread-on-suggestion">
            {t("comments.onSuggestion")}
          </span>
        ) : null}
        {thread.organization ? organizationName(thread.organization, t.locale) : null}
        {thread.status === "RESOLVED" ? <span className="badge">{t("comments.resolved")}</span> : null}
      </div>
      <ol className="comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <div className="comment-head">
              <strong>{comment.author.name}</strong>{" "}
              <span className="muted">
                <LocalDate value={comment.createdAt} withTime />
                {comment.editedAt ? ` · ${t("comments.edited")}` : ""}
              </span>
            </div>
            {comment.deletedAt ? (
              <p className="muted comment-deleted">{t("comments.deleted")}</p>
            ) : editing === comment.id ? (
              <fetcher.Form method="post" action={actionUrl} onSubmit={() => setEditing(null)}>
                <input type="hidden" name="intent" value="edit" />
                <input type="hidden" name="commentId" value={comment.id} />
                <textarea name="body" defaultValue={comment.body} aria-label={t("comments.edit")} required />
                <button type="submit">{t("common.save")}</button>{" "}
                <button type="button" onClick={() => setEditing(null)}>
                  {t("common.cancel")}
                </button>
              </fetcher.Form>
            ) : (
              <CommentBody text={comment.body} />
            )}
            {comment.mine && !comment.deletedAt && editing !== comment.id ? (
              <div className="comment-actions">
                <button type="button" className="link-button" onClick={() => setEditing(comment.id)}>
                  {t("comments.edit")}
                </button>
                <fetcher.Form method="post" action={actionUrl} className="inline-form">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="commentId" value={comment.id} />
                  <button type="submit" className="link-button">
                    {t("comments.delete")}
                  </button>
                </fetcher.Form>
              </div>
            ) : null}
            {comment.hiddenAt ? (
              <HiddenNotice
                item={{
                  hiddenAt: comment.hiddenAt,
                  hiddenReason: comment.hiddenReason ?? null,
                  hiddenNote: comment.hiddenNote ?? null,
                }}
              />
            ) : null}
            {comment.deletedAt ? null : thread.canModerate ? (
              <ModerationControls
                kind="comment"
                id={comment.id}
                item={{
                  hiddenAt: comment.hiddenAt ?? null,
                  hiddenReason: comment.hiddenReason ?? null,
                  hiddenNote: comment.hiddenNote ?? null,
                }}
              />
            ) : !comment.mine && !comment.hiddenAt ? (
              <FlagControl kind="comment" id={comment.id} />
            ) : null}
          </li>
        ))}
      </ol>
      {active ? (
        <fetcher.Form method="post" action={actionUrl} className="reply-form" key={thread.comments.length}>
          <input type="hidden" name="intent" value="reply" />
          <input type="hidden" name="threadId" value={thread.id} />
          <label>
            <span className="visually-hidden">{t("comments.reply")}</span>
            <MentionTextarea name="body" placeholder={t("comments.replyPlaceholder")} data-testid="reply-body" />
          </label>
          {errors.body ? (
            <div className="field-error" role="alert">
              {t(errors.body)}
            </div>
          ) : null}
          <button type="submit" data-testid="reply-submit">
            {t("comments.reply")}
          </button>
        </fetcher.Form>
      ) : null}
      {thread.canResolve ? (
        <fetcher.Form method="post" action={actionUrl}>
          <input type="hidden" name="intent" value={thread.status === "OPEN" ? "resolve" : "reopen"} />
          <input type="hidden" name="threadId" value={thread.id} />
          <button type="submit" className="link-button" data-testid="resolve">
            {thread.status === "OPEN" ? t("comments.resolve") : t("comments.reopen")}
          </button>
        </fetcher.Form>
      ) : null}
    </article>
  );
}
