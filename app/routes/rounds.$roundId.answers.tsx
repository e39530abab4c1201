import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { FormError } from "~/components/field";
import { Pagination } from "~/components/pagination";
import { AnswerCard } from "~/components/rounds/answer-card";
import { RoundHeader } from "~/components/rounds/round-header";
import { outlineOf } from "~/editor/outline";
import { useT } from "~/i18n/use-t";
import { answerProposal, publishSummary } from "~/models/rounds/proposals.server";
import { RuleError } from "~/utils/rule-error";
import { answeredCount, proposalCountsByArticle, proposalsToAnswer, roundInfo } from "~/models/rounds/rounds.server";
import { can } from "~/policies";
import { AnswerSchema } from "~/schemas/round";
import { parseForm } from "~/utils/forms";
import { pageCount, readPage } from "~/utils/pagination";
import { auditRefusal } from "~/utils/audit.server";
import { readForm } from "~/utils/read-form.server";
import { requireRound } from "~/boundary/request-boundary.server";
import { readStoredDocument } from "~/editor/stored-document";

const PER_PAGE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, round, resource } = await requireRound(request, params.roundId, "round.viewAllProposals");
  const url = new URL(request.url);
  const page = readPage(url, PER_PAGE);
  const onlyUnanswered = url.searchParams.get("show") === "unanswered";
  const articles = outlineOf(readStoredDocument(round.version.content)).filter((e) => e.type === "article");
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
  return {
    round: roundInfo(round),
    draftTitle: draftHeading(round.draft),
    articles: articles.map((a) => ({ id: a.id, number: a.number, title: a.title })),
    proposals: list.items,
    page: page.page,
    pages: pageCount(list.total, PER_PAGE),
    answered,
    total,
    canAnswer: can(actor, "round.answer", resource),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "answer") {
      const { user, round } = await requireRound(request, params.roundId, "round.answer");
      const parsed = parseForm(AnswerSchema, form);
      if (!parsed.ok) {
        return data(
          { ok: false as const, proposalId: String(form.get("proposalId")), errors: parsed.errors },
          { status: 400 },
        );
      }
      await answerProposal(user!, round.id, parsed.value);
      return { ok: true as const, proposalId: parsed.value.proposalId, errors: {} };
    }
    if (intent === "publish") {
      const { user, round } = await requireRound(request, params.roundId, "round.publishSummary");
      await publishSummary(user!, round.id);
      return { ok: true as const, proposalId: null, errors: {} };
    }
  } catch (error) {
    if (error instanceof RuleError) {
      // A rule of state or time refused it (closed, past the deadline, not one's seat, another round's proposal).
      const actorId = (await getCurrentUser(request))?.id;
      await auditRefusal(request, actorId, {
        action: `round.${intent}`,
        objectType: "ConsultationRound",
        objectId: params.roundId,
        reason: error.key,
      });
      const proposalId = String(form.get("proposalId") ?? "") || null;
      return data({ ok: false as const, proposalId, errors: { [error.field]: error.key } }, { status: 409 });
    }
    throw error;
  }
  return data({ ok: false as const, proposalId: null, errors: { form: "errors.unknownAction" } }, { status: 400 });
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
            errors={result?.proposalId === proposal.id ? (result.errors as Record<string, string | undefined>) : {}}
            saved={!!result?.ok && result.proposalId === proposal.id}
          />
        ))}
      </ol>
      <Pagination page={loaded.page} pages={loaded.pages} />
    </section>
  );
}
