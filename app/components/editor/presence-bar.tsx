import { useT } from "~/i18n/use-t";
import type { Collaborator, ConnectionState } from "./use-collab-connection";

/** Who is in the document, the connection state, and whether the server has every change. */
export function PresenceBar({
  state,
  allSaved,
  people,
  readOnly,
}: {
  state: ConnectionState;
  allSaved: boolean;
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
        {!readOnly && state !== "revoked" ? (
          <span className="saved" data-testid="saved-state" data-saved={allSaved}>
            {allSaved ? t("editor.allSaved") : t("editor.saving")}
          </span>
        ) : null}
      </div>
    </div>
  );
}
