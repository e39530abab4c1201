import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export function SearchBox({ query, label }: { query: string; label: string }) {
  const t = useT();
  return (
    <Form method="get" className="search-box" role="search" aria-label={label}>
      <label>
        <span className="visually-hidden">{label}</span>
        <input type="search" name="q" defaultValue={query} placeholder={label} />
      </label>
      <button type="submit">{t("common.search")}</button>
    </Form>
  );
}
