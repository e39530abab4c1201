import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { draftTitle, type DraftTitleFields } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";

/**
 * The frame of a step taken on a frozen version of a draft (sending it to the collegium,
 * recording a signature): back to the draft, title and hint, and, while no version is frozen
 * yet, a notice leading to the versions page instead of the form.
 */
export function DraftVersionStep(props: {
  draft: DraftTitleFields & { id: string };
  title: string;
  hint: string;
  noVersion: string;
  hasVersions: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const { draft } = props;
  return (
    <section className="narrow-wide">
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
      </p>
      <h1>{props.title}</h1>
      <p className="muted">{props.hint}</p>
      {props.hasVersions ? (
        props.children
      ) : (
        <p className="card notice">
          {props.noVersion} <Link to={`/drafts/${draft.id}/versions`}>{t("drafts.versions")}</Link>
        </p>
      )}
    </section>
  );
}
