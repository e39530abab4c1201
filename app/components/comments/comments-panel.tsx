import { useTextLabels } from "~/components/document/text-language";
import { MentionTextarea } from "./mention-textarea";
import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import type { OutlineEntry } from "~/editor/outline";
import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { groupThreads, type ThreadPlacement } from "./placement";
import { ThreadCard } from "./thread-card";
import type { PanelThread } from "./types";

export type PendingComment = {
  articleId: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  /** Opened from a suggestion's card: the thread discusses that suggestion. */
  suggestionId?: string;
};

type Props = {
  threads: PanelThread[];
  outline: OutlineEntry[];
  /** Where the live text puts each thread (placeThreads); threads not in it stay on their saved article. */
  placements: Map<string, ThreadPlacement>;
  activeId: string | null;
  onActivate: (id: string | null) => void;
  /** Back to the text from a thread (Escape). */
  onLeaveThread: () => void;
  pending: PendingComment | null;
  onPendingDone: () => void;
  canCommentInternally: boolean;
  userId: string;
  actionUrl: string;
};

type StatusFilter = "OPEN" | "RESOLVED" | "ALL";

/**
 * Comment threads beside the text, grouped by the article that now holds their words, in
 * document order and, within an article, in the order of the text; with filters.
 */
export function CommentsPanel(props: Props) {
  const t = useT();
  const textLabels = useTextLabels();
  const [status, setStatus] = useState<StatusFilter>("OPEN");
  const [mine, setMine] = useState(false);
  const [organization, setOrganization] = useState("");

  const organizations = useMemo(() => {
    const seen = new Map<string, NonNullable<PanelThread["organization"]>>();
    for (const thread of props.threads) if (thread.organization) seen.set(thread.organization.id, thread.organization);
    return [...seen.values()];
  }, [props.threads]);

  const visible = props.threads.filter(
    (thread) =>
      (status === "ALL" || thread.status === status || thread.id === props.activeId) &&
      (!mine || thread.authorId === props.userId || thread.comments.some((c) => c.mine)) &&
      (!organization || thread.organizationId === organization),
  );
  const groups = groupThreads(visible, props.placements, props.outline);

  return (
    <section className="comments-panel" aria-label={t("comments.title")} data-testid="comments-panel">
      <h2>{t("comments.title")}</h2>
      <p className="muted keyboard-hint">{t("comments.keyboardHint")}</p>
      {props.pending ? <Composer {...props} pending={props.pending} /> : null}
      <div className="comment-filters">
        <label>
          <span className="visually-hidden">{t("fields.status")}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="OPEN">{t("comments.filterOpen")}</option>
            <option value="RESOLVED">{t("comments.filterResolved")}</option>
            <option value="ALL">{t("comments.filterAll")}</option>
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />{" "}
          {t("comments.filterMine")}
        </label>
        {organizations.length > 1 ? (
          <label>
            <span className="visually-hidden">{t("fields.organization")}</span>
            <select value={organization} onChange={(e) => setOrganization(e.target.value)}>
              <option value="">{t("drafts.anyOrganization")}</option>
              {organizations.map((org) => (
                <option key={org.id} value={org.id}>
                  {organizationName(org, t.locale)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {visible.length === 0 ? <p className="muted">{t("comments.none")}</p> : null}
      {groups.map((group) => (
        <div key={group.key} className="thread-group">
          <h3>
            {group.label
              ? textLabels.articleNumber(group.label.number) + ` ${group.label.title}`
              : t("comments.elsewhere")}
          </h3>
          {group.threads.map((thread) => (
            <ThreadCard
              key={thread.id}
              thread={thread}
              anchor={props.placements.get(thread.id)?.anchor ?? (thread.anchorStart ? "gone" : "article")}
              active={thread.id === props.activeId}
              actionUrl={props.actionUrl}
              onSelect={() => props.onActivate(thread.id === props.activeId ? null : thread.id)}
              onLeave={props.onLeaveThread}
            />
          ))}
        </div>
      ))}
    </section>
  );
}

function Composer({
  pending,
  canCommentInternally,
  actionUrl,
  onPendingDone,
  onLeaveThread,
}: Props & { pending: PendingComment }) {
  const t = useT();
  const fetcher = useFetcher<{ ok: boolean; errors: Record<string, string> }>();
  const errors = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {};
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) onPendingDone();
  }, [fetcher.state, fetcher.data, onPendingDone]);
  return (
    // Escape goes back to the text, as the keyboard hint says; what was typed stays for later.
    <fetcher.Form
      method="post"
      action={actionUrl}
      className="card composer"
      data-testid="composer"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onLeaveThread();
      }}
    >
      <input type="hidden" name="intent" value="create" />
      <input type="hidden" name="articleId" value={pending.articleId} />
      <input type="hidden" name="anchorStart" value={pending.anchorStart} />
      <input type="hidden" name="anchorEnd" value={pending.anchorEnd} />
      <input type="hidden" name="quote" value={pending.quote} />
      {pending.suggestionId ? <input type="hidden" name="suggestionId" value={pending.suggestionId} /> : null}
      {pending.suggestionId ? <p className="muted">{t("comments.onSuggestion")}</p> : null}
      {pending.quote ? <q>{pending.quote}</q> : <p className="muted">{t("comments.onArticle")}</p>}
      <label>
        <span className="visually-hidden">{t("comments.new")}</span>
        <MentionTextarea
          name="body"
          autoFocus
          placeholder={t("comments.placeholder")}
          data-testid="comment-body"
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={errors.body ? "composer-body-error" : undefined}
        />
      </label>
      {errors.body ? (
        <div className="field-error" id="composer-body-error" role="alert">
          {t(errors.body)}
        </div>
      ) : null}
      <div className="composer-actions">
        {canCommentInternally ? (
          <label>
            <span className="visually-hidden">{t("comments.visibility")}</span>
            <select name="visibility" defaultValue="WORKING_GROUP">
              <option value="WORKING_GROUP">{t("comments.workingGroup")}</option>
              <option value="INTERNAL">{t("comments.internal")}</option>
            </select>
          </label>
        ) : (
          <input type="hidden" name="visibility" value="WORKING_GROUP" />
        )}
        <button type="submit" className="button primary" data-testid="comment-submit">
          {t("comments.post")}
        </button>
        <button type="button" onClick={onPendingDone}>
          {t("common.cancel")}
        </button>
      </div>
    </fetcher.Form>
  );
}
