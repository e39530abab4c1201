import { useT } from "~/i18n/use-t";
import { DRAFT_KINDS, DRAFT_STATUSES } from "~/schemas/draft";
import { organizationName } from "~/i18n/localized-name";

/**
 * The filter selects the draft list, the register and search share: each labelled for
 * screen readers, with an "any" choice first, and keeping the current value after a search.
 */
type SelectProps = { name: string; value: string | null | undefined };

export function DraftKindSelect({ name, value }: SelectProps) {
  const t = useT();
  return (
    <label>
      <span className="visually-hidden">{t("fields.kind")}</span>
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{t("drafts.anyKind")}</option>
        {DRAFT_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`draftKinds.${kind}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DraftStatusSelect({ name, value }: SelectProps) {
  const t = useT();
  return (
    <label>
      <span className="visually-hidden">{t("fields.status")}</span>
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{t("drafts.anyStatus")}</option>
        {DRAFT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`draftStatus.${status}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function OrganizationSelect({
  name,
  value,
  organizations,
}: SelectProps & { organizations: (Parameters<typeof organizationName>[0] & { id: string })[] }) {
  const t = useT();
  return (
    <label>
      <span className="visually-hidden">{t("fields.owner")}</span>
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{t("drafts.anyOrganization")}</option>
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {organizationName(org, t.locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
