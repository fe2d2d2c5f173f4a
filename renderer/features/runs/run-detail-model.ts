import type { RunDetail, RunRowStatus } from '../../../shared/ipc/contract';
import { formatDuration } from '../../../shared/results/results-summary';
import { shownOutcomes } from '../../components/outcome-chart-model';
import { datasetLabel, startedAtLabel, stateExplanation } from './runs-model';

/** Which rows the detail table shows: all, or those of one outcome. */
export type RunRowFilter = RunRowStatus | 'all';

/** One line of the run's summary: a label and its value. */
export interface DetailFact {
  label: string;
  value: string;
  testId: string;
}

/** One choice of the table's "Show" filter. */
export interface FilterOption {
  value: RunRowFilter;
  label: string;
}

/** "Created", "Pending": a status as a filter or heading writes it. */
export function statusTitle(status: RunRowStatus): string {
  return `${status.charAt(0).toUpperCase()}${status.slice(1)}`;
}

/**
 * The run's summary as label/value lines: what was pushed where, when, for how long, and
 * what it cost in requests and retries. A run not finished says its duration "so far".
 */
export function detailFacts(detail: RunDetail): DetailFact[] {
  const { run } = detail;
  const file = detail.sheet ? `${run.fileName} (sheet “${detail.sheet}”)` : run.fileName;
  const duration = formatDuration(detail.durationMs);
  return [
    { label: 'Target', value: datasetLabel(run), testId: 'detail-target' },
    { label: 'File', value: file, testId: 'detail-file' },
    {
      label: 'Connection',
      value: detail.connectionLabel ?? 'Not in this app (a command-line run)',
      testId: 'detail-connection',
    },
    { label: 'Base URL', value: detail.baseUrl || 'Not recorded', testId: 'detail-base-url' },
    { label: 'Started', value: startedAtLabel(run.createdAt), testId: 'detail-started' },
    {
      label: 'Duration',
      value: run.state === 'completed' ? duration : `${duration} so far`,
      testId: 'detail-duration',
    },
    { label: 'Requests', value: detail.requests.toLocaleString(), testId: 'detail-requests' },
    { label: 'Retries', value: detail.retries.toLocaleString(), testId: 'detail-retries' },
  ];
}

/**
 * The filter's choices with their counts: all rows, then each outcome the chart lists
 * (updated and pending only when there are any).
 */
export function filterOptions(detail: RunDetail): FilterOption[] {
  return [
    { value: 'all', label: `All rows (${detail.total.toLocaleString()})` },
    ...shownOutcomes(detail.counts).map((status) => ({
      value: status,
      label: `${statusTitle(status)} (${detail.counts[status].toLocaleString()})`,
    })),
  ];
}

/** How many rows the table holds under `filter`. */
export function rowsUnder(detail: RunDetail, filter: RunRowFilter): number {
  return filter === 'all' ? detail.total : detail.counts[filter];
}

/** What the table says when the filter leaves no rows. */
export function emptyRowsMessage(filter: RunRowFilter): string {
  switch (filter) {
    case 'all':
      return 'This run has no rows.';
    case 'pending':
      return 'No rows are pending: every row has an outcome.';
    case 'created':
    case 'updated':
    case 'skipped':
    case 'failed':
    case 'invalid':
      return `No rows ${filter}.`;
  }
}

/** A message that only repeats the status ("created") is noise next to the badge. */
export function rowMessage(row: { status: RunRowStatus; message: string }): string {
  return row.message.toLowerCase() === row.status ? '' : row.message;
}

/**
 * The sentence under the run's title: the list's explanation of its state, except that a
 * cancelled run's rows not sent show here as pending (its exported sheets list them as
 * failed, which is what the list's sentence is about).
 */
export function detailExplanation(detail: RunDetail): string | null {
  const { run } = detail;
  if (run.state === 'cancelled' && !run.note) {
    return 'Cancelled before the end: rows not done yet are pending (the exported sheets list them as failed). Resume sends them, and nothing is sent twice.';
  }
  return stateExplanation(run, run.state, false);
}
