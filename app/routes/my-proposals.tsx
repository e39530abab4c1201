import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { LocalDate } from "~/components/local-date";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { useT } from "~/i18n/use-t";
import { listMyProposals } from "~/models/rounds/citizen-proposals.server";
import { allow } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Agora" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "user.viewProfile", { type: "user", id: user.id });
  const title = `${serverT(resolveLocale(request, user.locale))("citizens.mine.title")} · Agora`;
  return { title, proposals: await listMyProposals(user.id) };
}

/** The state a citizen reads: sent, withdrawn, waiting for the answer, or the answer itself. */
function statusKey(p: { status: string; decision: string | null; round: { status: string } }) {
  if (p.status === "WITHDRAWN") return "citizens.mine.status.withdrawn";
  if (p.decision) return `decisions.${p.decision}`;
  return p.round.status === "OPEN" ? "citizens.mine.status.submitted" : "citizens.mine.status.awaiting";
}

export default function MyProposalsPage() {
  const t = useT();
  const { proposals } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("citizens.mine.title")}</h1>
      {proposals.length === 0 ? (
        <p className="muted">
          {t("citizens.mine.none")} <Link to="/rounds">{t("nav.rounds")}</Link>
        </p>
      ) : null}
      <ul className="plain-list stack">
        {proposals.map((p) => (
          <li key={p.id} className="card" data-testid="my-proposal">
            <h2>
              <Link to={`/rounds/${p.roundId}#own-proposals`}>{p.round.title}</Link>
            </h2>
            <p className="muted">
              {t("citizens.mine.number", { number: t.number(p.number) })} ·{" "}
              <LocalDate value={p.createdAt} withTime timeZone={p.round.timeZone} /> ·{" "}
              <span className="badge" data-testid="my-proposal-status">
                {t(statusKey(p))}
              </span>
            </p>
            <p className="plain-text">{p.proposedText}</p>
            <p className="muted">
              SHA-256: <code className="hash">{p.sha256}</code>
            </p>
            {p.decision && p.answer ? (
              <div data-testid="my-proposal-answer">
                <h3>{t("citizens.mine.answer")}</h3>
                <p className="plain-text">{p.answer}</p>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
