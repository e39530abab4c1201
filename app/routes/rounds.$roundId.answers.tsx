import { TextLanguageProvider } from "~/components/document/text-language";
import { storedTextLanguage } from "~/i18n/text-languages";
import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { FormError } from "~/components/field";
import { AnswerCard } from "~/components/rounds/answer-card";
import { AnswerFilters } from "~/components/rounds/answer-filters";
import { BulkAnswerForm, BulkAnswerProgress } from "~/components/rounds/bulk-answer";
import { KeysetPagination } from "~/components/keyset-pagination";
import { RoundHeader } from "~/components/rounds/round-header";
import { useT } from "~/i18n/use-t";
import { frozenText } from "~/models/documents/frozen-text.server";
import { answerProposal, publishSummary } from "~/models/rounds/proposals.server";
import { roundInfo } from "~/models/rounds/rounds.server";
import {
  answerFilterParams,
  cursorParam,
  isFiltered,
  NO_FILTER,
  readAnswerFilter,
  readCursor,
} from "~/models/rounds/answer-filter";
import { answerCounts, answerPage, roundOrganizations } from "~/models/rounds/answer-list.server";
import { recentBulkAnswers, runBulkAnswerSoon, startBulkAnswer } from "~/models/rounds/bulk-answers.server";
import { can } from "~/policies";
import { AnswerSchema, BulkAnswerSchema, GroupAnswerSchema } from "~/schemas/round";
import { answerGroup, groupSizes } from "~/models/rounds/group-answers.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { db } from "~/utils/db.server";
import { handleIntents, InvalidInput, requireRound } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("titles.answers", { name: data.round.title }) : null));

const PER_PAGE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, round, resource } = await requireRound(request, params.roundId, "round.viewAllProposals");
  const url = new URL(request.url);
  const filter = readAnswerFilter(url.searchParams);
  const after = readCursor(url.searchParams.get("after"));
  const before = readCursor(url.searchParams.get("before"));
  // A hand-made URL with a value the page does not offer: said plainly, never guessed at.
  if (!filter || after === "invalid" || before === "invalid") throw new Response("Bad Request", { status: 400 });
  const { articles } = await frozenText(round.version);
  const filtered = isFiltered(filter);
  // Counts come from one aggregate each (the round's, and the filter's when there is one).
  const [all, matching, organizations, jobs] = await Promise.all([
    answerCounts(round.id, NO_FILTER),
    filtered ? answerCounts(round.id, filter) : null,
    roundOrganizations(round.id),
    recentBulkAnswers(round.id),
  ]);
  const list = await answerPage(
    round.id,
    articles.map((a) => a.id),
    filter,
    { after, before },
    PER_PAGE,
    matching ?? all,
  );
  const sizes = await groupSizes(round.id, [...new Set(list.items.flatMap((p) => (p.groupId ? [p.groupId] : [])))]);
  const query = answerFilterParams(filter);
  const pageLink = (key: "after" | "before", cursor: { article: number; number: number } | null) => {
    if (!cursor) return null;
    const params = new URLSearchParams(query);
    params.set(key, cursorParam(cursor));
    return `?${params.toString()}`;
  };
  return {
    round: roundInfo(round),
    draftTitle: draftHeading(round.draft),
    textLanguage: storedTextLanguage(round.draft.textLanguage),
    articles: articles.map((a) => ({ id: a.id, number: a.number, title: a.title })),
    organizations,
    filter,
    query: query.toString(),
    proposals: list.items.map((p) => ({ ...p, groupSize: p.groupId ? (sizes[p.groupId] ?? 1) : 1 })),
    next: pageLink("after", list.next),
    previous: pageLink("before", list.previous),
    answered: all.answered,
    total: all.total,
    matching: list.counts.total,
    matchingAnswered: list.counts.answered,
    jobs,
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
      bulkAnswer: async ({ form, parse }) => {
        const { user, round } = await requireRound(request, params.roundId, "round.answer");
        const input = parse(BulkAnswerSchema);
        const filter = readAnswerFilter(new URL(request.url).searchParams);
        if (!filter) throw new InvalidInput({ form: "rounds.errors.badFilter" });
        const proposalIds = form.getAll("selected").map(String);
        if (input.scope === "selected" && proposalIds.length === 0) {
          throw new InvalidInput({ form: "rounds.errors.nothingSelected" });
        }
        // One click can answer a million proposals (each author told at publication).
        await enforceRateLimit(db(), "bulkAnswer", { account: user!.id, address: context.clientAddress });
        const job = await startBulkAnswer(user!, round.id, {
          target: input.scope === "filter" ? { filter } : { proposalIds },
          decision: input.decision,
          answer: input.answer,
        });
        runBulkAnswerSoon(job.id);
        return { proposalId: null };
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
  const numberOf = (articleId: string) => articles.find((a) => a.id === articleId);
  const bulkErrors = result?.intent === "bulkAnswer" ? (result.errors as Record<string, string | undefined>) : {};
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
          {!result?.proposalId && result?.intent !== "bulkAnswer" ? (
            <FormError error={result?.errors && "form" in result.errors ? result.errors.form : undefined} />
          ) : null}
        </div>
        <BulkAnswerProgress jobs={loaded.jobs} />
        <AnswerFilters filter={loaded.filter} articles={articles} organizations={loaded.organizations} />
        <p data-testid="matching-count">
          {t("answering.matching", { count: t.number(loaded.matching), answered: t.number(loaded.matchingAnswered) })}
        </p>
        {canAnswer && round.status === "CLOSED" && loaded.matching > 0 ? (
          <BulkAnswerForm query={loaded.query} matching={loaded.matching} errors={bulkErrors} />
        ) : null}
        {proposals.length === 0 ? <p className="card muted">{t("rounds.noProposals")}</p> : null}
        <ol className="plain-list stack">
          {proposals.map((proposal) => (
            <AnswerCard
              key={proposal.id}
              proposal={proposal}
              article={numberOf(proposal.articleId)}
              canAnswer={canAnswer}
              canModerate={loaded.canModerate}
              selectable={canAnswer && round.status === "CLOSED"}
              errors={result?.proposalId === proposal.id ? (result.errors as Record<string, string | undefined>) : {}}
              saved={!!result?.ok && result.proposalId === proposal.id}
            />
          ))}
        </ol>
        <KeysetPagination previous={loaded.previous} next={loaded.next} />
      </section>
    </TextLanguageProvider>
  );
}
