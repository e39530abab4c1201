import { Form, Link } from "@remix-run/react";
import { useTextLabels } from "~/components/document/text-language";
import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { ANSWER_STATUSES, AUTHOR_KINDS, type AnswerFilter } from "~/models/rounds/answer-filter";
import { SelectField } from "~/components/select-field";
import { Field } from "~/components/field";

type Names = { id: string; nameHy: string | null; nameRu: string | null; nameKa: string | null; nameEn: string | null };

/**
 * The answering page's filters as a GET form (a filtered list is a link anyone can share or
 * reload): article, answer status or decision, organization, who submitted, words of the
 * proposal; a campaign group is chosen from a card and shown here until cleared.
 */
export function AnswerFilters({
  filter,
  articles,
  organizations,
}: {
  filter: AnswerFilter;
  articles: { id: string; number: number; title: string }[];
  organizations: Names[];
}) {
  const t = useT();
  const textLabels = useTextLabels();
  const statusLabel = (status: (typeof ANSWER_STATUSES)[number]) =>
    status === "all" || status === "unanswered" || status === "answered"
      ? t(`answering.status.${status}`)
      : t(`decisions.${status}`);
  return (
    <Form method="get" className="card answer-filters" role="search" aria-label={t("answering.filtersLabel")}>
      <SelectField
        label={t("answering.article")}
        name="article"
        defaultValue={filter.articleId ?? ""}
        options={[
          { value: "", label: t("answering.anyArticle") },
          ...articles.map((a) => ({ value: a.id, label: `${textLabels.articleNumber(a.number)} ${a.title}` })),
        ]}
      />
      <SelectField
        label={t("answering.statusLabel")}
        name="status"
        defaultValue={filter.status}
        options={ANSWER_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))}
      />
      <SelectField
        label={t("answering.author")}
        name="author"
        defaultValue={filter.author}
        options={AUTHOR_KINDS.map((kind) => ({ value: kind, label: t(`answering.authorKinds.${kind}`) }))}
      />
      <SelectField
        label={t("answering.organization")}
        name="organization"
        defaultValue={filter.organizationId ?? ""}
        options={[
          { value: "", label: t("answering.anyOrganization") },
          ...organizations.map((org) => ({ value: org.id, label: organizationName(org, t.locale) })),
        ]}
      />
      <Field label={t("answering.text")} name="q" type="search" defaultValue={filter.text} maxLength={200} />
      {filter.groupId ? (
        <p>
          <input type="hidden" name="group" value={filter.groupId} />
          {t("answering.oneGroup")}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button">
          {t("answering.apply")}
        </button>
        <Link to="?">{t("answering.reset")}</Link>
      </div>
    </Form>
  );
}
