import { useId, type SelectHTMLAttributes } from "react";
import { useT } from "~/i18n/use-t";

type SelectFieldProps = {
  label: string;
  error?: string;
  options: { value: string; label: string }[];
} & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, error, options, ...select }: SelectFieldProps) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {t(error)}
        </div>
      ) : null}
    </div>
  );
}
