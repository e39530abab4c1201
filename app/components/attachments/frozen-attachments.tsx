import { useT } from "~/i18n/use-t";

export type FrozenAttachmentItem = {
  id: string;
  kind: string;
  title: string;
  fileName: string;
  sha256: string;
  file: { size: number };
};

/**
 * The attachments frozen with a version, as a round, a register entry, a review or the
 * version page shows them: each downloadable, with its SHA-256, and the whole package.
 * `base` is the place's URL (`/rounds/<id>`): files are at `<base>/attachments/<id>`.
 */
export function FrozenAttachments({ items, base }: { items: FrozenAttachmentItem[]; base: string }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="dossier-heading" data-testid="dossier">
      <h2 id="dossier-heading">{t("attachments.title")}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("attachments.frozenNone")}</p>
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.id} data-testid="frozen-attachment">
              <a
                href={`${base}/attachments/${item.id}`}
                download
                aria-label={t("attachments.downloadFor", { title: item.title })}
              >
                {t(`attachments.kinds.${item.kind}`)}: {item.title}
              </a>
              <div className="muted">
                {item.fileName} · {t("attachments.size", { size: t.number(Math.ceil(item.file.size / 1024)) })} ·{" "}
                <code title={item.sha256}>{item.sha256.slice(0, 12)}…</code>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a className="button" href={`${base}/package.zip`} download>
          {t("attachments.package")}
        </a>
      </p>
      <p className="muted">{t("attachments.packageHint")}</p>
    </section>
  );
}
