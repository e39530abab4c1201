import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** A signed-in person's subscriptions, each with its own stop button. */
export function OwnSubscriptions({ subscriptions }: { subscriptions: { id: string; label: string }[] }) {
  const t = useT();
  return (
    <section className="card stack" aria-labelledby="own-subscriptions">
      <h2 id="own-subscriptions">{t("follow.yours")}</h2>
      {subscriptions.length === 0 ? <p className="muted">{t("follow.none")}</p> : null}
      <ul className="plain-list stack">
        {subscriptions.map((s) => (
          <li key={s.id} className="actions">
            <span>{s.label}</span>
            <Form method="post">
              <input type="hidden" name="subscriptionId" value={s.id} />
              <button
                type="submit"
                className="button"
                name="intent"
                value="stop"
                aria-label={`${t("follow.stop")}: ${s.label}`}
              >
                {t("follow.stop")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
