import { Form } from "@remix-run/react";
import { useId } from "react";
import { FormError } from "~/components/field";
import { ScrollBox } from "~/components/scroll-box";
import { useT } from "~/i18n/use-t";
import { ATTENDANCE_KINDS } from "~/schemas/meeting";

export type AttendanceRow = {
  membershipId: string;
  name: string;
  role: string;
  kind: string | null;
  representedBy: string;
};

/** The secretary's attendance record, one row per seat invited as a member. */
export function AttendanceForm({
  rows,
  errors,
}: {
  rows: AttendanceRow[];
  errors: Record<string, string | undefined>;
}) {
  const t = useT();
  const caption = useId();
  return (
    <Form method="post" className="card stack" data-testid="attendance-form">
      <input type="hidden" name="intent" value="attendance" />
      <FormError error={errors.form} />
      <ScrollBox label={t("meetings.attendance.title")}>
        <table>
          <caption id={caption} className="visually-hidden">
            {t("meetings.attendance.title")}
          </caption>
          <tbody>
            {rows.map((row) => (
              <tr key={row.membershipId}>
                <th scope="row">
                  {row.name} <span className="muted">{t(`collegium.roles.${row.role}`)}</span>
                </th>
                <td>
                  <select
                    name={`kind.${row.membershipId}`}
                    defaultValue={row.kind ?? ""}
                    aria-label={t("meetings.attendance.kind", { name: row.name })}
                    data-testid="attendance-kind"
                  >
                    <option value="">{t("meetings.attendance.NONE")}</option>
                    {ATTENDANCE_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`meetings.attendance.${kind}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    name={`representedBy.${row.membershipId}`}
                    defaultValue={row.representedBy}
                    aria-label={`${t("meetings.attendance.representedBy")}: ${row.name}`}
                    placeholder={t("meetings.attendance.representedBy")}
                    aria-invalid={errors[`representedBy.${row.membershipId}`] ? true : undefined}
                  />
                  {errors[`representedBy.${row.membershipId}`] ? (
                    <div className="field-error" role="alert">
                      {t(errors[`representedBy.${row.membershipId}`]!)}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <button type="submit" className="button" data-testid="attendance-save">
        {t("meetings.attendance.save")}
      </button>
    </Form>
  );
}
