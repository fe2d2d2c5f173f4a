/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  value: number;
  max: number;
  label: string;
  /** Spoken and shown instead of a percentage, e.g. "120 of 500 rows". */
  valueText?: string;
}

/**
 * A determinate progress bar with the ARIA progressbar role and current value.
 *
 * `max` of 0 renders as empty rather than dividing by zero.
 */
export function ProgressBar({ value, max, label, valueText }: ProgressBarProps) {
  const clamped = Math.min(Math.max(value, 0), Math.max(max, 0));
  const percent = max > 0 ? (clamped / max) * 100 : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
      data-testid="run-progress"
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
