import type { ValidationCounts as Counts } from '../../../../shared/jobs/run-types';
import { StatTile } from '../../../components/StatTile';

/** Props of {@link ValidationCounts}. */
export interface ValidationCountsProps {
  counts: Counts;
}

/** The four numbers that stay on top of the review screen: rows, valid, invalid, warnings. */
export function ValidationCounts({ counts }: ValidationCountsProps) {
  return (
    <div className="stats" role="group" aria-label="Validation summary">
      <StatTile label="Rows" value={counts.total} testId="count-rows" />
      <StatTile label="Valid" value={counts.valid} tone="good" testId="count-valid" />
      <StatTile label="Invalid" value={counts.invalid} tone="bad" testId="count-invalid" />
      <StatTile label="Warnings" value={counts.warnings} tone="warning" testId="count-warnings" />
    </div>
  );
}
