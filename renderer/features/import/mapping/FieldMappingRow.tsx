import { useId } from 'react';
import type { FieldView } from '../../../../shared/ipc/contract';

/** Props of {@link FieldMappingRow}. */
export interface FieldMappingRowProps {
  field: FieldView;
  headers: readonly string[];
  value: string | undefined;
  samples: readonly string[];
  /** Shown in red under the select when this required field has no column. */
  missing: boolean;
  onChange: (header: string | null) => void;
}

/**
 * One dataset field on the mapping screen: its name and rule, the source column chosen for
 * it, and a few values from that column so the admin can see the choice is right.
 */
export function FieldMappingRow({
  field,
  headers,
  value,
  samples,
  missing,
  onChange,
}: FieldMappingRowProps) {
  const selectId = useId();
  const helpId = useId();
  return (
    <div
      className={`field-row ${missing ? 'field-row-missing' : ''}`}
      data-testid={`field-${field.key}`}
    >
      <div className="field-name">
        <label htmlFor={selectId} className="field-label">
          {field.label}
          {field.required ? (
            <span className="badge badge-required">Required</span>
          ) : (
            <span className="badge">Optional</span>
          )}
        </label>
        <p id={helpId} className="field-help">
          {field.description}
        </p>
      </div>
      <div className="field-choice">
        <select
          id={selectId}
          className="select"
          value={value ?? ''}
          aria-describedby={helpId}
          aria-invalid={missing || undefined}
          onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
          data-testid={`map-field-${field.key}`}
        >
          <option value="">{field.required ? '— Choose a column —' : '— Not imported —'}</option>
          {headers.map((header, index) =>
            header.trim() === '' ? null : (
              <option key={`${index}:${header}`} value={header}>
                {header}
              </option>
            ),
          )}
        </select>
        <div className="field-samples" aria-label={`Sample values for ${field.label}`}>
          {samples.length > 0 ? (
            samples.map((sample, index) => (
              <span key={index} className="sample" title={sample}>
                {sample}
              </span>
            ))
          ) : (
            <span className="muted">
              {value ? 'No values in the first rows' : `e.g. ${field.example}`}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}
