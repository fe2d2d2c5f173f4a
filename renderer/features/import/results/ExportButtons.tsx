import { useId } from 'react';
import type { ExportFormat } from '../../../../shared/results/export-format';
import './export-buttons.css';

/** Props of {@link ExportButtons}. */
export interface ExportButtonsProps {
  /** What the group exports, e.g. "Export results"; also each button's accessible name. */
  label: string;
  /** The test id of the CSV button; the XLSX button gets the same with "-xlsx". */
  testId: string;
  disabled: boolean;
  /** Why the group is disabled, as its tooltip. */
  disabledHint?: string;
  /** What each format's file holds, as its button's tooltip. */
  hints: Readonly<Record<ExportFormat, string>>;
  onExport: (format: ExportFormat) => void;
}

const FORMATS: readonly { format: ExportFormat; text: string }[] = [
  { format: 'csv', text: 'CSV' },
  { format: 'xlsx', text: 'XLSX' },
];

/**
 * One download as a labelled pair of joined buttons: "Export results [CSV | XLSX]". One click
 * saves the file; the label says what, the button says in which format. Used for the results
 * exports and the start screen's template.
 */
export function ExportButtons({
  label,
  testId,
  disabled,
  disabledHint,
  hints,
  onExport,
}: ExportButtonsProps) {
  const labelId = useId();
  return (
    <div
      className="export-group"
      role="group"
      aria-labelledby={labelId}
      title={disabled ? disabledHint : undefined}
    >
      <span id={labelId} className="export-group-label">
        {label}
      </span>
      <span className="export-group-buttons">
        {FORMATS.map(({ format, text }) => (
          <button
            key={format}
            type="button"
            className="btn export-group-button"
            onClick={() => onExport(format)}
            disabled={disabled}
            aria-label={`${label} as ${text}`}
            title={disabled ? undefined : hints[format]}
            data-testid={format === 'csv' ? testId : `${testId}-xlsx`}
          >
            {text}
          </button>
        ))}
      </span>
    </div>
  );
}
