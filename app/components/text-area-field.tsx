import { useId, type TextareaHTMLAttributes } from "react";
import { FieldNotes } from "./field";

type TextAreaFieldProps = {
  label: string;
  /** Translation key of the error for this field. */
  error?: string;
  hint?: string;
} & TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A labelled multi-line input with its error beside it. */
export function TextAreaField({ label, error, hint, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...textarea}
      />
      <FieldNotes hint={hint} error={error} errorId={errorId} />
    </div>
  );
}
