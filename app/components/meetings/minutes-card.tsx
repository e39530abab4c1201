import { Form, Link } from "@remix-run/react";
import { FormError } from "~/components/field";
import { useT } from "~/i18n/use-t";

type Minutes = {
  status: "NONE" | "DRAFTING" | "CIRCULATED" | "APPROVED";
  draftId: string | null;
  canWrite: boolean;
  canView: boolean;
  sha256: string | null;
  approvedAt: string | null;
  public: boolean;
};

/** The minutes' step and what this reader can do at it: write, remark, circulate, approve, download. */
export function MinutesCard({
  meetingId,
  bodyId,
  minutes,
  canManage,
  error,
}: {
  meetingId: string;
  bodyId: string;
  minutes: Minutes;
  canManage: boolean;
  error?: string;
}) {
  const t = useT();
  const base = `/collegium/${bodyId}/meetings/${meetingId}/minutes`;
  if (!canManage && !minutes.canView) return null;
  return (
    <div className="card stack" data-testid="minutes">
      <h2>{t("meetings.minutes.title")}</h2>
      <p>
        <span className="badge" data-testid="minutes-status" data-status={minutes.status}>
          {t(`meetings.minutes.status.${minutes.status}`)}
        </span>
      </p>
      <FormError error={error} />
      {minutes.status === "NONE" && canManage ? (
        <Form method="post">
          <input type="hidden" name="intent" value="startMinutes" />
          <button type="submit" className="button primary" data-testid="minutes-start">
            {t("meetings.minutes.start")}
          </button>
        </Form>
      ) : null}
      {minutes.draftId && minutes.status !== "APPROVED" ? (
        <p>
          <Link to={`/drafts/${minutes.draftId}`} data-testid="minutes-open">
            {minutes.canWrite ? t("meetings.minutes.edit") : t("meetings.minutes.read")}
          </Link>
        </p>
      ) : null}
      {minutes.status === "DRAFTING" && canManage ? (
        <Form method="post">
          <input type="hidden" name="intent" value="circulate" />
          <button type="submit" className="button" data-testid="minutes-circulate">
            {t("meetings.minutes.circulate")}
          </button>
        </Form>
      ) : null}
      {(minutes.status === "DRAFTING" || minutes.status === "CIRCULATED") && canManage ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="approve" />
          <fieldset>
            <legend>{t("meetings.minutes.publish")}</legend>
            {(["INTERNAL", "PUBLIC"] as const).map((choice) => (
              <label key={choice} className="checkbox">
                <input type="radio" name="publish" value={choice} defaultChecked={choice === "INTERNAL"} />{" "}
                {t(`meetings.minutes.${choice}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button primary" data-testid="minutes-approve">
            {t("meetings.minutes.approve")}
          </button>
        </Form>
      ) : null}
      {minutes.status === "APPROVED" && minutes.canView ? (
        <>
          <p className="muted">
            {minutes.public ? t("meetings.minutes.publishedPublic") : t("meetings.minutes.publishedInternal")}
          </p>
          <p>
            {t("meetings.minutes.sha")}: <code data-testid="minutes-sha">{minutes.sha256}</code>
          </p>
          <p className="actions">
            <a href={`${base}.docx`} download data-testid="minutes-docx">
              {t("meetings.minutes.docx")}
            </a>
            <a href={`${base}.pdf`} download data-testid="minutes-pdf">
              {t("meetings.minutes.pdf")}
            </a>
          </p>
        </>
      ) : null}
    </div>
  );
}
