import type { JobState, ValidationView } from '../../../../shared/ipc/contract';
import type { ResultStatus } from '../../../../shared/jobs/run-types';
import type { OpenedFile } from '../wizard-state';
import type { ResultItem } from './ResultsGrid';

/** The statuses in the order the results screen lists them. */
export const RESULT_STATUSES: readonly ResultStatus[] = [
  'created',
  'updated',
  'skipped',
  'failed',
  'invalid',
];

/**
 * The column that names each row in the results table: the first required field's source
 * column (the email for users), so a row can be recognised without opening the file.
 */
export function identityColumn(
  file: OpenedFile,
  validation: ValidationView,
): { label: string; index: number } {
  const field = file.preview.fields.find(
    (candidate) => candidate.required && file.mapping[candidate.key],
  );
  const header = field ? file.mapping[field.key] : undefined;
  const index = header === undefined ? -1 : validation.headers.indexOf(header);
  return { label: header ?? 'Row', index };
}

/** The identity column's value by source row number, from import:column's reply. */
export function identitiesByRow(column: {
  rows: readonly number[];
  values: readonly string[];
}): Map<number, string> {
  const byRow = new Map<number, string>();
  column.rows.forEach((row, i) => byRow.set(row, column.values[i] ?? ''));
  return byRow;
}

/** Joins the job's results with the identity value of each source row ('' until known). */
export function resultItems(
  job: JobState,
  identities: ReadonlyMap<number, string> | undefined,
): ResultItem[] {
  return (job.results ?? []).map((result) => ({
    ...result,
    identity: identities?.get(result.row) ?? '',
  }));
}
