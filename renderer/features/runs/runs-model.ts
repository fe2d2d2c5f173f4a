import type { Kind } from '../../../shared/datasets/targets';
import type { RunView } from '../../../shared/ipc/contract';
import type { RunProgress, RunSummary } from '../../../shared/jobs/run-types';
import { countOf } from '../../app/format';
import { targetLabel } from '../import/datasets';

/** How a run is shown: its state from main, or `running` while this page follows its job. */
export type RunDisplayState = RunView['state'];

/** The colour of a state badge, from the existing status tokens. */
export type RunTone = 'accent' | 'good' | 'warning' | 'neutral';

/** One count of a run summary, in the order the page lists them. */
export interface RunCount {
  key: 'created' | 'updated' | 'skipped' | 'failed' | 'invalid';
  label: string;
  value: number;
  tone: 'good' | 'warning' | 'bad';
}

/** How often the list is reloaded while any run is running. */
export const RUNNING_REFRESH_MS = 3_000;

/** "Users", "Internal numbers": the dataset's name as the import screens write it. */
export function kindLabel(kind: Kind): string {
  switch (kind) {
    case 'users':
      return 'Users';
    case 'internal-numbers':
      return 'Internal numbers';
    case 'workspace-numbers':
      return 'Workspace numbers';
    case 'roles':
      return 'Roles';
    case 'groups':
      return 'Groups';
    case 'group-members':
      return 'Group members';
  }
}

/** "Zoom Phone · Users". */
export function datasetLabel(run: Pick<RunView, 'target' | 'kind'>): string {
  return `${targetLabel(run.target)} · ${kindLabel(run.kind)}`;
}

/** The start time in the user's locale ("12 Mar 2026, 14:03"); the raw text if unparseable. */
export function startedAtLabel(createdAt: string): string {
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) {
    return createdAt;
  }
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The badge text of a state. */
export function stateLabel(state: RunDisplayState): string {
  switch (state) {
    case 'running':
      return 'Running';
    case 'completed':
      return 'Completed';
    case 'stopped':
      return 'Stopped';
    case 'cancelled':
      return 'Cancelled';
    case 'interrupted':
      return 'Interrupted';
  }
}

/** The badge colour of a state. */
export function stateTone(state: RunDisplayState, summary: RunSummary | undefined): RunTone {
  switch (state) {
    case 'running':
      return 'accent';
    case 'completed':
      return summary && summary.failed > 0 ? 'warning' : 'good';
    case 'stopped':
    case 'interrupted':
      return 'warning';
    case 'cancelled':
      return 'neutral';
  }
}

/**
 * One sentence under the run saying what its state means and what Resume would do; null
 * when there is nothing to add (a completed run speaks through its counts, a followed one
 * through its progress).
 */
export function stateExplanation(
  run: RunView,
  state: RunDisplayState,
  following: boolean,
): string | null {
  if (run.note && state !== 'running' && state !== 'completed') {
    // A run the app cannot resume (the command line's credentials stay in its environment).
    return run.note;
  }
  switch (state) {
    case 'running':
      return following
        ? null
        : 'Another batchline process (the command line or another window) is pushing this run.';
    case 'completed':
      return null;
    case 'stopped':
      return `Stopped: ${run.stopReason ?? 'the phone system refused to go on'}. Fix that, then resume: rows already done are not sent again.`;
    case 'cancelled':
      return 'Cancelled before the end; rows not sent yet count as failed. Resume sends them, and nothing is sent twice.';
    case 'interrupted':
      return 'The app or the command line stopped mid-run. Resume checks the rows that were in flight on the phone system, then sends the rest.';
  }
}

/** The summary's counts worth showing: updated only when there are any. */
export function summaryCounts(summary: RunSummary): RunCount[] {
  const counts: RunCount[] = [
    { key: 'created', label: 'created', value: summary.created, tone: 'good' },
    { key: 'updated', label: 'updated', value: summary.updated, tone: 'good' },
    { key: 'skipped', label: 'skipped', value: summary.skipped, tone: 'warning' },
    { key: 'failed', label: 'failed', value: summary.failed, tone: 'bad' },
    { key: 'invalid', label: 'invalid', value: summary.invalid, tone: 'bad' },
  ];
  return counts.filter((count) => count.key !== 'updated' || count.value > 0);
}

/** Whether the run has rows to fix and import again (failed or invalid). */
export function hasFailedRows(summary: RunSummary | undefined): boolean {
  return summary !== undefined && summary.failed + summary.invalid > 0;
}

/** "about 2 min", "12 s": a short, rounded time left. */
export function etaLabel(seconds: number): string {
  if (seconds < 60) {
    return `${Math.max(1, Math.round(seconds))} s`;
  }
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `about ${minutes} min` : `about ${(minutes / 60).toFixed(1)} h`;
}

/** "120 of 300 rows" for a live run. */
export function rowsDoneLabel(progress: RunProgress): string {
  return `${progress.done.toLocaleString()} of ${countOf(progress.total, 'row')}`;
}

/** Runs newest first (main already sorts; this keeps the page right if it ever does not). */
export function newestFirst(runs: readonly RunView[]): RunView[] {
  return [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The job this page should follow for a run, or null. A run this page resumed is followed
 * through the job the resume answered with, and only that one: main may name an older job
 * of the same run (the push that was cancelled) for a while. Otherwise a running run is
 * followed through the live job main names. Jobs seen to end are never followed again.
 */
export function liveJobOf(
  run: RunView,
  resumed: ReadonlyMap<string, string>,
  ended: ReadonlySet<string>,
): string | null {
  const local = resumed.get(run.runId);
  if (local !== undefined) {
    return ended.has(local) ? null : local;
  }
  if (run.state === 'running' && run.jobId !== undefined && !ended.has(run.jobId)) {
    return run.jobId;
  }
  return null;
}
