import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/**
 * Beside a public round: follow its answers (one click when signed in, the follow form with
 * an e-mail address otherwise) and the participation rules every proposal keeps to.
 */
export function FollowRound({ roundId, signedIn }: { roundId: string; signedIn: boolean }) {
  const t = useT();
  return (
    <div className="card stack">
      {signedIn ? (
        <Form method="post" action="/follow">
          <input type="hidden" name="topic" value="answers" />
          <input type="hidden" name="roundId" value={roundId} />
          <button type="submit" className="button" name="intent" value="follow">
            {t("follow.answersButton")}
          </button>
        </Form>
      ) : (
        <Link to={`/follow?round=${roundId}`}>{t("follow.answersVisitor")}</Link>
      )}
      <Link to="/participation-rules">{t("rules.title")}</Link>
    </div>
  );
}
