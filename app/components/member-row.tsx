import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

type Member = {
  id: string;
  role: "MEMBER" | "ADMIN";
  user: { id: string; name: string; email: string | null; isActive: boolean };
};

/** One member of an organization, with role change and removal for its admins. */
export function MemberRow({ member, canManage }: { member: Member; canManage: boolean }) {
  const t = useT();
  return (
    <li className="member-row" data-testid="member-row">
      <div>
        <strong>{member.user.name}</strong>
        {member.user.email ? <div className="muted">{member.user.email}</div> : null}
        {!member.user.isActive ? <span className="badge warning">{t("users.inactive")}</span> : null}
      </div>
      {canManage ? (
        <div className="member-actions">
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="role" />
            <input type="hidden" name="membershipId" value={member.id} />
            <label>
              <span className="visually-hidden">{t("fields.role")}</span>
              <select name="role" defaultValue={member.role}>
                <option value="MEMBER">{t("roles.MEMBER")}</option>
                <option value="ADMIN">{t("roles.ADMIN")}</option>
              </select>
            </label>
            <button type="submit">{t("common.save")}</button>
          </Form>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="membershipId" value={member.id} />
            <button type="submit" className="danger">
              {t("orgs.remove")}
            </button>
          </Form>
        </div>
      ) : (
        <span className="badge">{t(`roles.${member.role}`)}</span>
      )}
    </li>
  );
}
