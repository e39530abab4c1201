import { useT } from "~/i18n/use-t";
import type { Collaborator, ConnectionState } from "./use-collab-connection";

/**
 * "Saving…" only while connected and waiting for the server; without a connection the
 * truth is that the changes are on this device, and how many.
 */
function SavedState({ state, unsent }: { state: ConnectionState; unsent: number }) {
  const t = useT();
  const text =
    unsent === 0
      ? t("editor.allSaved")
      : state === "connected"
        ? t("editor.saving")
        : t(unsent === 1 ? "offlineEditing.keptOne" : "offlineEditing.keptMany", { count: t.number(unsent) });
  return (
    <span className="saved" data-testid="saved-state" data-saved={unsent === 0} data-unsent={unsent}>
      {text}
    </span>
  );
}

/** Who is in the document, the connection state, and whether the server has every change. */
export function PresenceBar({
  state,
  unsent,
  people,
  readOnly,
}: {
  state: ConnectionState;
  unsent: number;
  people: Collaborator[];
  readOnly: boolean;
}) {
  const t = useT();
  return (
    <div className="presence-bar">
      <ul className="people" aria-label={t("editor.people")} data-testid="people">
        {people.map((person) => (
          <li key={person.clientId} style={{ borderColor: person.color }} title={person.name}>
            <span className="person-dot" style={{ background: person.color }} aria-hidden="true" />
            {person.name}
          </li>
        ))}
      </ul>
      <div className="status-line" role="status" aria-live="polite">
        {readOnly ? <span className="badge">{t("editor.readOnly")}</span> : null}
        <span className={`connection connection-${state}`} data-testid="connection-state" data-state={state}>
          {t(`editor.connection.${state}`)}
        </span>
        {!readOnly && state !== "revoked" ? <SavedState state={state} unsent={unsent} /> : null}
      </div>
    </div>
  );
}
