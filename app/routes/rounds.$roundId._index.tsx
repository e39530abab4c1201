import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DocumentView } from "~/components/document/document-view";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { FormError } from "~/components/field";
import { organizationName } from "~/i18n/localized-name";
import { RoundHeader } from "~/components/rounds/round-header";
import { ProposalForm } from "~/components/rounds/proposal-form";
import { OwnProposals } from "~/components/rounds/own-proposals";
import { outlineOf } from "~/editor/outline";
import { useT } from "~/i18n/use-t";
import { submitProposal, withdrawProposal } from "~/models/rounds/proposals.server";
import { RuleError } from "~/utils/rule-error";
import {
  answeredCount,
  listOwnProposals,
  ownOrganizations,
  proposalCountsByArticle,
  roundInfo,
} from "~/models/rounds/rounds.server";
import { can } from "~/policies";
import { ProposalSchema } from "~/schemas/round";
import { db } from "~/utils/db.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { handleIntents, requireRound } from "~/boundary/request-boundary.server";
import { readStoredDocument } from "~/editor/stored-document";

/** Passes the action's Retry-After (429) on to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.title} · Agora` : "Agora" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor, round, resource } = await requireRound(request, params.roundId, "round.view");
  const content = readStoredDocument(round.version.content);
  const isStaff = can(actor, "round.viewAllProposals", resource);
  const counts = await proposalCountsByArticle(round.id);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return {
    round: roundInfo(round),
    draft: draftHeading(round.draft),
    version: {
      id: round.version.id,
      number: round.version.number,
      name: round.version.name,
      sha256: round.version.sha256,
    },
    content,
    articles: outlineOf(content).filter((entry) => entry.type === "article"),
    counts,
    total,
    answered: isStaff && round.status !== "OPEN" ? await answeredCount(round.id) : null,
    isStaff,
    canSubmit: can(actor, "round.submit", resource) && new Date() < round.closesAt,
    canSeeSummary: can(actor, "round.viewSummary", resource),
    signedIn: !!user,
    ownProposals: user ? await listOwnProposals(round.id, user.id) : [],
    onBehalfOptions: user ? await ownOrganizations(user.actor.memberships.map((m) => m.organizationId)) : [],
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleIntents<{ withdrawn: boolean }>(request, {
    audit: { prefix: "round", objectType: "ConsultationRound", objectId: params.roundId },
    intents: {
      withdraw: async ({ text }) => {
        const { user } = await requireRound(request, params.roundId, "round.view");
        if (!user) throw new RuleError("errors.notAllowed");
        await withdrawProposal(user, text("proposalId"));
        return { withdrawn: true };
      },
      submit: async ({ parse }) => {
        const { user, round } = await requireRound(request, params.roundId, "round.submit");
        const input = parse(ProposalSchema);
        // Every proposal waits for an official answer: a flood of them blocks the summary.
        await enforceRateLimit(db(), "proposal", { account: user!.id, address: context.clientAddress });
        await submitProposal(user!, round.id, input);
        throw redirect(`/rounds/${round.id}?submitted=1#own-proposals`);
      },
    },
  });
}

export default function RoundPage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const { round, draft, version, content, articles, counts, total, answered, isStaff, canSubmit } = loaded;
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = (result && "errors" in result ? result.errors : undefined) ?? {};
  const [search] = useSearchParams();
  const chosenArticle = search.get("article") ?? articles[0]?.id ?? "";

  return (
    <section>
      <p className="eyebrow">
        <Link to="/rounds">← {t("rounds.title")}</Link>
      </p>
      <RoundHeader round={round} draftTitle={draftTitle(draft, t.locale)} />
      <div className="card version-meta">
        <div>
          {t("versions.label", { number: t.number(version.number), name: version.name })} · SHA-256:{" "}
          <code data-testid="round-sha256">{version.sha256}</code>
        </div>
        <div data-testid="round-progress">
          {t("rounds.proposalCount", { count: t.number(total) })}
          {answered !== null
            ? ` · ${t("rounds.answeredOf", { answered: t.number(answered), total: t.number(total) })}`
            : ""}
        </div>
        <div className="actions">
          {isStaff && round.status !== "SCHEDULED" && round.status !== "OPEN" ? (
            <Link className="button" to="answers">
              {t("rounds.answerProposals")}
            </Link>
          ) : null}
          {loaded.canSeeSummary ? (
            <Link className="button" to="summary">
              {t("rounds.summaryLink")}
            </Link>
          ) : null}
          {isStaff ? <Link to={`/drafts/${draft.id}`}>{t("rounds.toDraft")}</Link> : null}
        </div>
      </div>
      <FormError error={errors.form} />
      <div className="columns round-columns">
        <div className="editor-frame">
          <DocumentView
            doc={content}
            articleFooter={(articleId) => (
              <p className="article-proposals muted">
                <span data-testid={`count-${articleId}`}>
                  {t("rounds.proposalCount", { count: t.number(counts[articleId] ?? 0) })}
                </span>
                {canSubmit ? (
                  <>
                    {" · "}
                    <Link to={`?article=${articleId}#proposal-form`} preventScrollReset={false}>
                      {t("rounds.proposeHere")}
                    </Link>
                  </>
                ) : null}
              </p>
            )}
          />
        </div>
        <aside className="stack">
          {canSubmit ? (
            <ProposalForm
              key={chosenArticle}
              articles={articles}
              chosenArticle={chosenArticle}
              organizations={loaded.onBehalfOptions.map((o) => ({ id: o.id, name: organizationName(o, t.locale) }))}
              errors={errors}
            />
          ) : (
            <p className="card muted">
              {round.status === "OPEN" && !loaded.signedIn ? (
                <Link to={`/login?redirectTo=/rounds/${round.id}`}>{t("rounds.signInToPropose")}</Link>
              ) : (
                t(`rounds.notAccepting.${round.status}`)
              )}
            </p>
          )}
          <OwnProposals proposals={loaded.ownProposals} articles={articles} canWithdraw={canSubmit} />
        </aside>
      </div>
    </section>
  );
}
