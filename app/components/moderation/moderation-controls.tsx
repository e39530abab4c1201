import { useFetcher } from "@remix-run/react";
import { FormError } from "~/components/field";
import { useT } from "~/i18n/use-t";
import { ReasonFields } from "./reason-fields";

type Result = { ok: boolean; errors: Record<string, string | undefined> };

export type HiddenState = { hiddenAt: string | Date | null; hiddenReason: string | null; hiddenNote: string | null };

/** Tells that a proposal or comment was hidden, why, and the moderator's note. */
export function HiddenNotice({ item }: { item: HiddenState }) {
  const t = useT();
  if (!item.hiddenAt) return null;
  return (
    <p className="notice" data-testid="hidden-notice">
      {t("moderation.hiddenInSummary", { reason: t(`moderation.reasons.${item.hiddenReason ?? "unlawful"}`) })}
      {item.hiddenNote ? ` — ${t("moderation.hiddenNote", { note: item.hiddenNote })}` : ""}
    </p>
  );
}

/**
 * For the owning ministry's staff: hide with a reason (and note), or show again. The server
 * decides (`moderation.hide`); the page only offers the form to those it would allow.
 */
export function ModerationControls({
  kind,
  id,
  item,
}: {
  kind: "proposal" | "comment";
  id: string;
  item: HiddenState;
}) {
  const t = useT();
  const fetcher = useFetcher<Result>();
  const errors = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {};
  const action = `/moderation/${kind}/${id}`;
  if (item.hiddenAt) {
    return (
      <fetcher.Form method="post" action={action} className="actions">
        <FormError error={errors.form} />
        <button type="submit" className="button" name="intent" value="unhide">
          {t("moderation.unhide")}
        </button>
      </fetcher.Form>
    );
  }
  return (
    <details className="moderation-controls">
      <summary>{t("moderation.hideTitle")}</summary>
      <fetcher.Form method="post" action={action} className="stack" noValidate>
        <FormError error={errors.form} />
        <ReasonFields errors={errors} />
        <button type="submit" className="button danger" name="intent" value="hide">
          {t("moderation.hide")}
        </button>
      </fetcher.Form>
    </details>
  );
}

/** For participants: report a proposal or comment to the moderators (rate-limited on the server). */
export function FlagControl({ kind, id }: { kind: "proposal" | "comment"; id: string }) {
  const t = useT();
  const fetcher = useFetcher<Result>();
  if (fetcher.data?.ok) {
    return (
      <p className="muted" role="status">
        {t("moderation.flagged")}
      </p>
    );
  }
  const errors = fetcher.data?.errors ?? {};
  return (
    <details className="moderation-controls">
      <summary>{t("moderation.flag")}</summary>
      <fetcher.Form method="post" action={`/moderation/${kind}/${id}`} className="stack" noValidate>
        <FormError error={errors.form} />
        <ReasonFields errors={errors} />
        <button type="submit" className="button" name="intent" value="flag">
          {t("moderation.flagSubmit")}
        </button>
      </fetcher.Form>
    </details>
  );
}
