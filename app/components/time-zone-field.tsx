import { SelectField } from "~/components/select-field";
import { useT } from "~/i18n/use-t";
import { TIME_ZONES } from "~/schemas/round";

/** The zone a date-time was entered in: the partners' cities (Yerevan, Tbilisi, Moscow, Blagoveshchensk) and UTC. */
export function TimeZoneField({ error, defaultValue }: { error?: string; defaultValue?: string }) {
  const t = useT();
  return (
    <SelectField
      label={t("fields.timeZone")}
      name="timeZone"
      error={error}
      defaultValue={defaultValue}
      options={TIME_ZONES.map((zone) => ({ value: zone, label: t(`timeZones.${zone.replace("/", "_")}`) }))}
    />
  );
}
