import type { RunSummary } from '../jobs/run-types';
import type { PlainTable } from './results-table';

/**
 * A run's summary with what the results sheet needs to stand on its own: where the rows went,
 * from which file, and when the run ended.
 */
export interface ResultsSummary extends RunSummary {
  /** The target's id (zoom, webex, portsip); empty when no longer known. */
  target: string;
  /** The dataset's kind (users, roles…); empty when no longer known. */
  kind: string;
  /** The source file's name, without its folder. */
  fileName: string;
  /** When the run ended, as an ISO 8601 instant (UTC). */
  finishedAt: string;
}

/** The header of the "Summary" sheet. */
export const SUMMARY_HEADERS = ['Item', 'Value'] as const;

/**
 * The rows of the "Summary" sheet of an XLSX results file, one fact a row, in reading order:
 * run, target, kind, file, counts, requests, retries, duration, finished at.
 *
 * Every value is text (counts too), like every other cell batchline writes.
 */
export function summaryTable(summary: ResultsSummary): PlainTable {
  const rows: [string, string][] = [
    ['Run ID', summary.runId],
    ['Target', summary.target],
    ['Kind', summary.kind],
    ['File', summary.fileName],
    ['Total rows', String(summary.total)],
    ['Created', String(summary.created)],
    ['Updated', String(summary.updated)],
    ['Skipped', String(summary.skipped)],
    ['Failed', String(summary.failed)],
    ['Invalid', String(summary.invalid)],
    ['Requests', String(summary.requests)],
    ['Retries', String(summary.retries)],
    ['Duration', formatDuration(summary.durationMs)],
    ['Finished at', formatInstant(summary.finishedAt)],
  ];
  return { headers: [...SUMMARY_HEADERS], rows };
}

/**
 * The instant a run ended, from when it started and how long it took.
 *
 * The run manifest keeps the start (createdAt) and the summary the duration, so the end
 * needs no extra field on disk.
 */
export function finishedAtOf(createdAt: string, durationMs: number): string {
  const started = Date.parse(createdAt);
  return Number.isFinite(started) ? new Date(started + durationMs).toISOString() : '';
}

/** "850 ms", "12.3 s", "4 min 05 s", "1 h 02 min": precise for short runs, readable for long. */
export function formatDuration(ms: number): string {
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(1)} s`;
  }
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  }
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "2026-11-24 07:21:01 UTC": sortable, unambiguous, no timezone guessing. */
function formatInstant(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
