import { SelectField } from "~/components/select-field";
import { TextAreaField } from "~/components/text-area-field";
import { useT } from "~/i18n/use-t";
import { MODERATION_REASONS } from "~/models/moderation/moderation-reasons";

/** A reason from the published participation rules, and the person's own explanation. */
export function ReasonFields({ errors }: { errors: Record<string, string | undefined> }) {
  const t = useT();
  return (
    <>
      <SelectField
        label={t("moderation.reason")}
        name="reason"
        required
        error={errors.reason}
        options={[
          { value: "", label: t("follow.choose") },
          ...MODERATION_REASONS.map((r) => ({ value: r, label: t(`moderation.reasons.${r}`) })),
        ]}
      />
      <TextAreaField label={t("moderation.note")} name="note" rows={2} maxLength={2000} error={errors.note} />
    </>
  );
}
