import { Form } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { TextAreaField } from "~/components/text-area-field";
import { TimeZoneField } from "~/components/time-zone-field";
import { LOCALE_NAMES, LOCALES } from "~/i18n/config";
import { useT } from "~/i18n/use-t";

export type MeetingFormValues = {
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string;
  onlineUrl: string;
  reviewIds: string[];
  freeItems: string;
  guests: string;
};

/** The secretary's meeting form, for a new meeting and for changing one (same fields). */
export function MeetingForm({
  values,
  reviews,
  errors,
  submitLabel,
}: {
  values: MeetingFormValues;
  /** Open reviews of the body that can be put on the agenda. */
  reviews: { id: string; label: string }[];
  errors: Record<string, string | undefined>;
  submitLabel: string;
}) {
  const t = useT();
  return (
    <Form method="post" noValidate className="card stack" data-testid="meeting-form">
      <input type="hidden" name="intent" value="save" />
      <FormError error={errors.form} />
      <Field
        label={t("meetings.fields.title")}
        name="title"
        defaultValue={values.title}
        error={errors.title}
        required
      />
      <Field
        label={t("meetings.fields.startsAt")}
        name="startsAt"
        type="datetime-local"
        defaultValue={values.startsAt}
        error={errors.startsAt}
        required
      />
      <Field
        label={t("meetings.fields.endsAt")}
        name="endsAt"
        type="datetime-local"
        defaultValue={values.endsAt}
        error={errors.endsAt}
        required
      />
      <TimeZoneField defaultValue={values.timeZone} error={errors.timeZone} />
      <Field label={t("meetings.fields.place")} name="place" defaultValue={values.place} error={errors.place} />
      <Field
        label={t("meetings.fields.onlineUrl")}
        name="onlineUrl"
        type="url"
        defaultValue={values.onlineUrl}
        error={errors.onlineUrl}
      />
      <fieldset className="stack" aria-describedby={errors.reviewIds ? "reviewIds-error" : undefined}>
        <legend>{t("meetings.fields.reviews")}</legend>
        {reviews.length === 0 ? <p className="muted">{t("meetings.noOpenReviews")}</p> : null}
        {reviews.map((review) => (
          <label key={review.id} className="checkbox">
            <input
              type="checkbox"
              name="reviewIds"
              value={review.id}
              defaultChecked={values.reviewIds.includes(review.id)}
            />{" "}
            {review.label}
          </label>
        ))}
        {errors.reviewIds ? (
          <div className="field-error" id="reviewIds-error" role="alert">
            {t(errors.reviewIds)}
          </div>
        ) : null}
      </fieldset>
      <TextAreaField
        label={t("meetings.fields.freeItems")}
        name="freeItems"
        defaultValue={values.freeItems}
        error={errors.freeItems}
      />
      <TextAreaField
        label={t("meetings.fields.guests")}
        name="guests"
        defaultValue={values.guests}
        error={errors.guests}
      />
      <SelectField
        label={t("meetings.fields.guestLocale")}
        name="guestLocale"
        defaultValue={t.locale}
        options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
      />
      <button type="submit" className="button primary" data-testid="meeting-save">
        {submitLabel}
      </button>
    </Form>
  );
}
