import { TextLanguageProvider } from "~/components/document/text-language";
import { storedTextLanguage } from "~/i18n/text-languages";
import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { FormError } from "~/components/field";
import { Pagination } from "~/components/pagination";
import { AnswerCard } from "~/components/rounds/answer-card";
import { RoundHeader } from "~/components/rounds/round-header";
import { useT } from "~/i18n/use-t";
import { frozenText } from "~/models/documents/frozen-text.server";
import { answerProposal, publishSummary } from "~/models/rounds/proposals.server";
import { answeredCount, proposalCountsByArticle, proposalsToAnswer, roundInfo } from "~/models/rounds/rounds.server";
import { can } from "~/policies";
import { AnswerSchema, GroupAnswerSchema } from "~/schemas/round";
import { answerGroup, groupSizes } from "~/models/rounds/group-answers.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { db } from "~/utils/db.server";
import { pageCount, readPage } from "~/utils/pagination";
import { handleIntents, requireRound } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("titles.answers", { name: data.round.title }) : null));

const PER_PAGE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, round, resource } = await requireRound(request, params.roundId, "round.viewAllProposals");
  const url = new URL(request.url);
  const page = readPage(url, PER_PAGE);
  const onlyUnanswered = url.searchParams.get("show") === "unanswered";
  const { articles } = await frozenText(round.version);
  const [list, counts, answered] = await Promise.all([
    proposalsToAnswer(
      round.id,
      articles.map((a) => a.id),
      page,
      onlyUnanswered,
    ),
    proposalCountsByArticle(round.id),
    answeredCount(round.id),
  ]);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const sizes = await groupSizes(round.id, [...new Set(list.items.flatMap((p) => (p.groupId ? [p.groupId] : [])))]);
  return {
    round: roundInfo(round),
    draftTitle: draftHeading(round.draft),
    textLanguage: storedTextLanguage(round.draft.textLanguage),
    articles: articles.map((a) => ({ id: a.id, number: a.number, title: a.title })),
    proposals: list.items.map((p) => ({ ...p, groupSize: p.groupId ? (sizes[p.groupId] ?? 1) : 1 })),
    page: page.page,
    pages: pageCount(list.total, PER_PAGE),
    answered,
    total,
    canAnswer: can(actor, "round.answer", resource),
    canModerate: can(actor, "moderation.hide", resource),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleIntents<{ proposalId: string | null }>(request, {
    audit: { prefix: "round", objectType: "ConsultationRound", objectId: params.roundId },
    // Which proposal's card shows the error.
    echo: (form) => ({ proposalId: String(form.get("proposalId") ?? "") || null }),
    intents: {
      answer: async ({ parse }) => {
        const { user, round } = await requireRound(request, params.roundId, "round.answer");
        await answerProposal(user!, round.id, parse(AnswerSchema));
      },
      answerGroup: async ({ parse }) => {
        const { user, round } = await requireRound(request, params.roundId, "round.answer");
        const input = parse(GroupAnswerSchema);
        // Each author of the group is told at publication: many people's mail from one click.
        await enforceRateLimit(db(), "groupAnswer", { account: user!.id, address: context.clientAddress });
        await answerGroup(user!, round.id, input);
      },
      publish: async () => {
        const { user, round } = await requireRound(request, params.roundId, "round.publishSummary");
        await publishSummary(user!, round.id);
        return { proposalId: null };
      },
    },
  });
}

export default function AnswersPage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const { round, articles, proposals, answered, total, canAnswer } = loaded;
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const onlyUnanswered = search.get("show") === "unanswered";
  const numberOf = (articleId: string) => articles.find((a) => a.id === articleId);
  return (
    <TextLanguageProvider language={loaded.textLanguage}>
      <section>
        <p className="eyebrow">
          <Link to={`/rounds/${round.id}`}>← {round.title}</Link>
        </p>
        <RoundHeader round={round} draftTitle={draftTitle(loaded.draftTitle, t.locale)} />
        <div className="card answers-toolbar">
          <strong data-testid="answer-progress">
            {t("rounds.answeredOf", { answered: t.number(answered), total: t.number(total) })}
          </strong>
          <progress max={Math.max(total, 1)} value={answered} />
          <Link to={onlyUnanswered ? "?" : "?show=unanswered"}>
            {onlyUnanswered ? t("rounds.showAll") : t("rounds.showUnanswered")}
          </Link>
          {canAnswer ? (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className="button primary" disabled={answered < total}>
                {t("rounds.publishSummary")}
              </button>
            </Form>
          ) : null}
          {round.status === "OPEN" ? <p className="muted">{t("rounds.answerAfterClosing")}</p> : null}
          {loaded.canModerate ? <Link to="/moderation">{t("moderation.log.title")}</Link> : null}
          {!result?.proposalId ? (
            <FormError error={result?.errors && "form" in result.errors ? result.errors.form : undefined} />
          ) : null}
        </div>
        {proposals.length === 0 ? <p className="card muted">{t("rounds.noProposals")}</p> : null}
        <ol className="plain-list stack">
          {proposals.map((proposal) => (
            <AnswerCard
              key={proposal.id}
              proposal={proposal}
              article={numberOf(proposal.articleId)}
              canAnswer={canAnswer}
              canModerate={loaded.canModerate}
              errors={result?.proposalId === proposal.id ? (result.errors as Record<string, string | undefined>) : {}}
              saved={!!result?.ok && result.proposalId === proposal.id}
            />
          ))}
        </ol>
        <Pagination page={loaded.page} pages={loaded.pages} />
      </section>
    </TextLanguageProvider>
  );
}
