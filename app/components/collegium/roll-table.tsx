import { ScrollBox } from "~/components/scroll-box";
import { Form } from "@remix-run/react";
import { Field } from "~/components/field";
import { LocalDate } from "~/components/local-date";
import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

type Names = { nameHy: string | null; nameRu: string | null; nameKa: string | null; nameEn: string | null };

/** One seat on the roll, as the page shows it (no e-mail address of anyone). */
export type SeatRow = {
  id: string;
  person: string;
  hasAccount: boolean;
  organization: (Names & { id: string }) | null;
  position: string;
  role: string;
  termStart: string;
  termEnd: string | null;
  appointedBy: string;
};

/** What the roll's action answers when a form is refused: which form, which row, which fields. */
export type RollActionResult = { intent: string; membershipId: string | null; errors: FieldErrors };

type Manage = { today: string; result: RollActionResult | undefined } | null;

/** Seats as a table; for those who keep the roll, each row's "end term" and "link account" forms. */
export function RollTable({
  seats,
  empty,
  manage,
  ended = false,
  testId,
  label,
}: {
  seats: SeatRow[];
  empty: string;
  manage: Manage;
  ended?: boolean;
  testId?: string;
  /** What the table lists, for its scroll region. */
  label: string;
}) {
  const t = useT();
  if (seats.length === 0) return <p className="card muted">{empty}</p>;
  const showActions = !!manage && (!ended || seats.some((seat) => !seat.hasAccount));
  return (
    <ScrollBox label={label}>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t("collegium.columns.person")}</th>
            <th>{t("collegium.columns.organization")}</th>
            <th>{t("collegium.columns.position")}</th>
            <th>{t("collegium.columns.role")}</th>
            <th>{t("collegium.columns.term")}</th>
            <th>{t("collegium.columns.appointedBy")}</th>
            {showActions ? <th>{t("collegium.columns.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {seats.map((seat) => (
            <tr key={seat.id} data-testid="seat-row">
              <td>
                {seat.person}
                {seat.hasAccount ? null : (
                  <>
                    {" "}
                    <span className="badge">{t("collegium.roll.noAccount")}</span>
                  </>
                )}
              </td>
              <td>{seat.organization ? organizationName(seat.organization, t.locale) : "—"}</td>
              <td>{seat.position || "—"}</td>
              <td>{t(`collegium.roles.${seat.role}`)}</td>
              <td>
                <TermPeriod seat={seat} />
              </td>
              <td>{seat.appointedBy || "—"}</td>
              {showActions ? (
                <td>{manage ? <SeatActions seat={seat} manage={manage} ended={ended} /> : null}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function TermPeriod({ seat }: { seat: SeatRow }) {
  const t = useT();
  if (!seat.termEnd) {
    return (
      <time dateTime={seat.termStart} suppressHydrationWarning>
        {t("collegium.roll.since", { date: t.date(seat.termStart) })}
      </time>
    );
  }
  return (
    <>
      <LocalDate value={seat.termStart} /> – <LocalDate value={seat.termEnd} />
    </>
  );
}

function SeatActions({ seat, manage, ended }: { seat: SeatRow; manage: NonNullable<Manage>; ended: boolean }) {
  const t = useT();
  const mine = manage.result?.membershipId === seat.id ? manage.result : undefined;
  const errors = (intent: string) => (mine?.intent === intent ? mine.errors : {});
  const canEnd = !ended;
  const canLink = !seat.hasAccount;
  if (!canEnd && !canLink) return null;
  return (
    <details open={!!mine}>
      <summary>{t("collegium.roll.manage")}</summary>
      <div className="stack">
        {canEnd ? (
          <Form method="post" className="stack" data-testid="end-term-form">
            <input type="hidden" name="intent" value="end" />
            <input type="hidden" name="membershipId" value={seat.id} />
            <Field
              label={t("collegium.fields.lastDay")}
              name="termEnd"
              type="date"
              defaultValue={manage.today}
              error={errors("end").termEnd ?? errors("end").form}
              required
            />
            <button type="submit" className="button">
              {t("collegium.actions.end")}
            </button>
          </Form>
        ) : null}
        {canLink ? (
          <Form method="post" className="stack" data-testid="link-form">
            <input type="hidden" name="intent" value="link" />
            <input type="hidden" name="membershipId" value={seat.id} />
            <Field
              label={t("collegium.fields.linkEmail")}
              name="email"
              type="email"
              autoComplete="off"
              error={errors("link").email ?? errors("link").form}
              required
            />
            <button type="submit" className="button">
              {t("collegium.actions.link")}
            </button>
          </Form>
        ) : null}
      </div>
    </details>
  );
}
