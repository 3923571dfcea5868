import type { ReactNode } from "react";

/** A labelled control with its hint and, when refused, its error: tied together for assistive technology. */
function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint muted">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

type Common = { name: string; label: string; hint?: string; error?: string; value: string };

export function TextField({ name, label, hint, error, value, type = "text", required = false }: Common & { type?: "text" | "url" | "search" | "datetime-local"; required?: boolean }) {
  const id = `f-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        autoComplete="off"
      />
    </Field>
  );
}

export function TextArea({ name, label, hint, error, value, rows = 3, code = false }: Common & { rows?: number; code?: boolean }) {
  const id = `f-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={value}
        className={code ? "code" : undefined}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Field>
  );
}

/** A file read as text by the form's post (its form needs enctype="multipart/form-data"). */
export function FileField({ name, label, hint, error, accept }: Omit<Common, "value"> & { accept: string }) {
  const id = `f-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} name={name} type="file" accept={accept} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </Field>
  );
}

export function Select({ name, label, hint, error, value, options }: Common & { options: { value: string; label: string }[] }) {
  const id = `f-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox({ name, label, hint, error, checked }: Omit<Common, "value"> & { checked: boolean }) {
  const id = `f-${name}`;
  return (
    <div className="check">
      <input id={id} name={name} type="checkbox" defaultChecked={checked} aria-describedby={describedBy(id, hint, error)} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={`${id}-hint`} className="field-hint muted">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

/** The refusal above a form: how many fields need attention, announced when the page loads. */
export function FormErrors({ count, message }: { count: number; message: string }) {
  if (count === 0) return null;
  return (
    <p className="alert" role="alert">
      {message}
    </p>
  );
}
