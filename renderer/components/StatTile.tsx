/** The colour a {@link StatTile} takes: neutral, or the meaning of its number. */
export type StatTone = 'neutral' | 'good' | 'warning' | 'bad';

/** Props of {@link StatTile}. */
export interface StatTileProps {
  label: string;
  value: number;
  tone?: StatTone;
  testId: string;
}

/**
 * One number with its label (rows, valid, created…), large enough to read at a glance.
 *
 * The tone only applies when the number is not zero: "0 failed" should look calm.
 */
export function StatTile({ label, value, tone = 'neutral', testId }: StatTileProps) {
  const effective = value === 0 ? 'neutral' : tone;
  return (
    <div className={`stat stat-${effective}`} data-testid={testId}>
      <span className="stat-value">{value.toLocaleString()}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
