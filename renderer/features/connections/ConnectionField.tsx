import type { ReactNode } from 'react';

/** How a text field of the connection form is shown. */
export interface FieldOptions {
  help?: string;
  placeholder?: string;
  secret?: boolean;
  numeric?: boolean;
}

/** The ids of a field's help and error lines, for aria-describedby. */
export function describedBy(
  id: string,
  help: string | undefined,
  invalid: boolean,
): string | undefined {
  const ids = [help ? `${id}-help` : '', invalid ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A labelled field with its help line and, when the form found a problem, its error. */
export function Field({
  id,
  label,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  help?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="connection-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {help ? (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p
          id={`${id}-error`}
          className="note-error"
          role="alert"
          data-testid="connection-field-error"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}
