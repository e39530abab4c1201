import { TextLanguageProvider } from "~/components/document/text-language";
import { storedTextLanguage } from "~/i18n/text-languages";
import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { MentionPeople } from "~/components/comments/mention-people";
import type { PanelThread } from "~/components/comments/types";
import { DraftEditor } from "~/components/editor/draft-editor.client";
import { colorFor } from "~/components/editor/author-colors";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { ExportLinks } from "~/components/export-links";
import { ParallelExportLinks } from "~/components/parallel-export-links";
import { hasLanguageTexts } from "~/exports/act/text-set.server";
import { organizationName } from "~/i18n/localized-name";
import type { OutlineEntry } from "~/editor/outline";
import { useT } from "~/i18n/use-t";
import { listVisibleThreads } from "~/models/comments/comments.server";
import { listBodies } from "~/models/collegium/collegium.server";
import { authorOrganizations } from "~/models/suggestions/author-organizations.server";
import { draftParticipants } from "~/models/comments/mentions.server";
import { getSnapshotOutline } from "~/models/documents/document-log.server";
import { changeDraftStatus } from "~/models/drafts/drafts.server";
import { AGREEMENT_KINDS, can, canTransition, documentAccess, MANUAL_TRANSITIONS } from "~/policies";
import { StatusSchema } from "~/schemas/draft";
import { auditRefusal } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/read-form.server";
import { requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) => (data ? t("titles.draft", { name: draftTitle(data.draft, locale) }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
  const [snapshot, threads, people, collegia, suggestionOrganizations, severalTexts] = await Promise.all([
    getSnapshotOutline(draft.id),
    listVisibleThreads(user, resource),
    draftParticipants(db(), resource),
    listBodies([draft.ownerOrganizationId]),
    authorOrganizations(resource),
    hasLanguageTexts(draft.id),
  ]);
  return {
    draft: {
      ...draftHeading(draft),
      kind: draft.kind,
      status: draft.status,
      ownerOrganization: draft.ownerOrganization,
    },
    textLanguage: storedTextLanguage(draft.textLanguage),
    severalTexts,
    canChangeTextLanguage: can(user.actor, "draft.changeTextLanguage", resource),
    access: documentAccess(user.actor, resource),
    canShare: can(user.actor, "draft.share", resource),
    canEditDetails: can(user.actor, "draft.updateDetails", resource),
    canSendToCollegium: collegia.some((body) =>
      can(user.actor, "review.send", {
        type: "reviewSending",
        draft: resource,
        collegium: { type: "collegium", organizationId: body.organizationId },
      }),
    ),
    // Only the changes made by hand; adoption, signing and the rest follow their events.
    transitions: MANUAL_TRANSITIONS[draft.status].filter((to) => canTransition(user.actor, resource, to)),
    canRecordSignature:
      (AGREEMENT_KINDS as readonly string[]).includes(draft.kind) && can(user.actor, "draft.recordSignature", resource),
    // Not the text: the editor receives it through Yjs, and sending it here too doubled the page.
    outline: (snapshot?.outline ?? []) as OutlineEntry[],
    user: { id: user.id, name: user.name, color: colorFor(user.id) },
    threads,
    canCommentInternally: can(user.actor, "draft.commentInternal", resource),
    participants: people.map((p) => ({ id: p.id, name: p.name })),
    // Suggestions carry only the verified author; the panel filters by the author's organization from here.
    suggestionOrganizations,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.changeStatus");
  const parsed = parseForm(StatusSchema, await readForm(request));
  if (!parsed.ok) return data({ error: "drafts.transitionRefused" }, { status: 400 });
  if (!canTransition(user.actor, resource, parsed.value.status)) {
    // A status that follows an event (adopted, signed, in review …) is never set by hand.
    await auditRefusal(request, user.id, {
      action: "draft.changeStatus",
      objectType: "Draft",
      objectId: draft.id,
      reason: `notByHand:${draft.status}->${parsed.value.status}`,
    });
    return data({ error: "drafts.transitionRefused" }, { status: 403 });
  }
  const changed = await changeDraftStatus(user.id, draft.id, draft.status, parsed.value.status);
  return changed ? { error: null } : data({ error: "drafts.transitionRefused" }, { status: 409 });
}

/**
 * Reloads the page data (and so the comment threads) when the server says they changed.
 * The stream is opened once per draft: `reload` changes identity on every render (the
 * revalidator is a new object each time), and reopening the stream then dropped the notices
 * sent while it reconnected. A reconnection (the browser's own, after a network drop) reloads
 * once, since notices sent meanwhile are gone.
 */
function useCommentEvents(draftId: string, reload: () => void) {
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    const events = new EventSource(`/drafts/${draftId}/comments/events`);
    let opened = false;
    const onOpen = () => {
      if (opened) reloadRef.current();
      opened = true;
    };
    const onChanged = () => reloadRef.current();
    events.addEventListener("open", onOpen);
    events.addEventListener("changed", onChanged);
    return () => events.close();
  }, [draftId]);
}

/** Renders the editor only after hydration: Tiptap and y-websocket live in the browser. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export default function DraftPage() {
  const t = useT();
  const {
    draft,
    access,
    canShare,
    canEditDetails,
    canSendToCollegium,
    canRecordSignature,
    transitions,
    outline,
    user,
    threads,
    canCommentInternally,
    participants,
    suggestionOrganizations,
    textLanguage,
    severalTexts,
    canChangeTextLanguage,
  } = useLoaderData<typeof loader>();
  const hydrated = useHydrated();
  const [searchParams] = useSearchParams();
  const revalidator = useRevalidator();
  const onAccessChanged = useCallback(() => revalidator.revalidate(), [revalidator]);
  useCommentEvents(draft.id, onAccessChanged);
  return (
    <TextLanguageProvider language={textLanguage}>
      <section className="draft-page">
        <header className="page-title">
          <div>
            <p className="eyebrow">
              {t(`draftKinds.${draft.kind}`)} · {organizationName(draft.ownerOrganization, t.locale)}
            </p>
            <h1 data-testid="draft-title">{draftTitle(draft, t.locale)}</h1>
            <span className={`status status-${draft.status.toLowerCase()}`}>
              {t(`draftStatus.${draft.status}`)}
            </span>{" "}
            <span className="muted" data-testid="text-language">
              {t("drafts.textLanguageIs", { language: t(`textLanguages.${textLanguage}`) })}
            </span>{" "}
            <ExportLinks base={`/drafts/${draft.id}`} />
            {severalTexts ? (
              <>
                {" "}
                <ParallelExportLinks base={`/drafts/${draft.id}`} />{" "}
                <Link to="parallel" className="no-print">
                  {t("exports.parallelPrint")}
                </Link>
              </>
            ) : null}
          </div>
          <div className="draft-actions">
            <Link to="versions" className="button">
              {t("drafts.versions")}
            </Link>
            <Link to="rounds" className="button">
              {t("drafts.rounds")}
            </Link>
            <Link to="attachments" className="button">
              {t("attachments.link")}
            </Link>
            <Link to="texts" className="button">
              {t("texts.languages")}
            </Link>
            {access === "edit" || access === "suggest" ? (
              <Link to="word-import" className="button" data-testid="word-import-link">
                {t("suggestions.wordImport.link")}
              </Link>
            ) : null}
            <Link to="timeline" className="button">
              {t("drafts.timeline")}
            </Link>
            {canShare ? (
              <Link to="sharing" className="button">
                {t("drafts.sharing")}
              </Link>
            ) : null}
            {canEditDetails ? (
              <Link to="edit" className="button">
                {t("drafts.editDetails")}
              </Link>
            ) : null}
            {canChangeTextLanguage ? (
              <Link to="language" className="button">
                {t("drafts.changeTextLanguage")}
              </Link>
            ) : null}
            {canSendToCollegium ? (
              <Link to="reviews/new" className="button">
                {t("drafts.sendToCollegium")}
              </Link>
            ) : null}
            {canRecordSignature ? (
              <Link to="signature" className="button">
                {t("signature.record")}
              </Link>
            ) : null}
            {transitions.length > 0 ? (
              <Form method="post" className="inline-form">
                <label>
                  <span className="visually-hidden">{t("fields.status")}</span>
                  <select name="status" defaultValue={transitions[0]}>
                    {transitions.map((status) => (
                      <option key={status} value={status}>
                        {t(`draftStatus.${status}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit">{t("drafts.changeStatus")}</button>
              </Form>
            ) : null}
          </div>
        </header>
        {hydrated ? (
          <MentionPeople.Provider value={participants}>
            <DraftEditor
              draftId={draft.id}
              canEdit={access === "edit"}
              canSuggest={access === "suggest"}
              user={user}
              onAccessChanged={onAccessChanged}
              threads={threads as unknown as PanelThread[]}
              canCommentInternally={canCommentInternally}
              openThreadId={searchParams.get("thread")}
              suggestionOrganizations={suggestionOrganizations}
            />
          </MentionPeople.Provider>
        ) : (
          <div className="draft-workspace">
            <div className="draft-main">
              <div className="editor-frame">
                <p className="muted" role="status">
                  {t("editor.connection.connecting")}
                </p>
              </div>
            </div>
            <aside className="draft-side">
              <ol>
                {outline.map((entry) => (
                  <li key={entry.id} lang={textLanguage}>
                    {entry.title}
                  </li>
                ))}
              </ol>
            </aside>
          </div>
        )}
      </section>
    </TextLanguageProvider>
  );
}
