import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useT } from "~/i18n/use-t";

type FieldProps = {
  label: string;
  /** Translation key of the error for this field, from the action's field errors. */
  error?: string;
  hint?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with its error beside it, wired for screen readers. */
export function Field({ label, error, hint, ...input }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
      <FieldNotes hint={hint} error={error} errorId={errorId} />
    </div>
  );
}

/** A field's hint and its error (a translation key), the error announced to screen readers. */
export function FieldNotes({ hint, error, errorId }: { hint?: ReactNode; error?: string; errorId: string }) {
  const t = useT();
  return (
    <>
      {hint ? <div className="field-hint">{hint}</div> : null}
      {error ? (
        <div className="field-error" id={errorId} role="alert">
          {t(error)}
        </div>
      ) : null}
    </>
  );
}

export function FormError({ error }: { error?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <div className="form-error" role="alert">
      {t(error)}
    </div>
  );
}
