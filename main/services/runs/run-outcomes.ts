import type { RunOutcomeCounts, RunRowStatus } from '../../../shared/ipc/contract';
import { ResultStatus, type RowResult } from '../../../shared/jobs/run-types';
import { NOT_CONFIRMED, NOT_SENT } from '../push/push-stop';
import type { JournalEntry } from './journal';
import { readJournalState } from './journal-state';

/** One source row's outcome as the run detail shows it. */
export interface RowOutcome {
  row: number;
  status: RunRowStatus;
  id?: string;
  message: string;
}

/** What a completed run says of a row it has no result for (as its results sheet does). */
export const NO_RESULT = 'No result was recorded for this row; it was not sent';
/** A row the journal never mentions, in a run that is not over. */
export const NOT_SENT_YET = 'Not sent yet; resuming the run sends it.';
/** A row sent whose answer the journal does not hold (the run was cut off meanwhile). */
export const ANSWER_NOT_RECORDED =
  'Sent, but the answer was not recorded; resuming the run checks it on the phone system before sending anything again.';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The last result the journal holds for each row, as the run's results sheet lists them:
 * rows a stopped run left open ("not sent: …") stay failed here.
 */
export function journalResults(entries: readonly JournalEntry[]): RowResult[] {
  const byRow = new Map<number, RowResult>();
  for (const entry of entries) {
    if (entry.t !== 'row') {
      continue;
    }
    const status = ResultStatus.safeParse(entry.status);
    if (status.success) {
      byRow.set(entry.row, {
        row: entry.row,
        status: status.data,
        message: entry.message,
        ...(entry.id ? { id: entry.id } : {}),
      });
    }
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

/**
 * Every source row's outcome from the run's journal, in sheet order.
 *
 * A row with a final result shows it. A row not final yet is `pending` (with why: not sent,
 * or sent but not confirmed, as the journal says) unless the run completed, when it is
 * skipped with the results sheet's words, so the view always matches that sheet.
 */
export function rowOutcomes(
  rows: readonly number[],
  entries: readonly JournalEntry[],
  completed: boolean,
): RowOutcome[] {
  const state = readJournalState(entries);
  // What the journal last said of each row not final: why a stopped attempt left it open,
  // or, when a later attempt sent it again, that its answer is missing.
  const open = new Map<number, string>();
  for (const entry of entries) {
    if (entry.t === 'send') {
      for (const row of entry.rows) {
        open.set(row, ANSWER_NOT_RECORDED);
      }
    } else if (
      entry.t === 'row' &&
      (entry.message.startsWith(NOT_SENT) || entry.message.startsWith(NOT_CONFIRMED))
    ) {
      open.set(entry.row, capitalised(entry.message));
    }
  }
  return rows.map((row): RowOutcome => {
    const settled = state.settled.get(row);
    if (settled) {
      return settled;
    }
    if (completed) {
      return { row, status: 'skipped', message: NO_RESULT };
    }
    return { row, status: 'pending', message: open.get(row) ?? NOT_SENT_YET };
  });
}

/** How many outcomes have each status. */
export function countOutcomes(outcomes: readonly { status: RunRowStatus }[]): RunOutcomeCounts {
  const counts: RunOutcomeCounts = {
    created: 0,
    updated: 0,
    skipped: 0,
    failed: 0,
    invalid: 0,
    pending: 0,
  };
  for (const outcome of outcomes) {
    counts[outcome.status] += 1;
  }
  return counts;
}

/**
 * Requests and retries as the journal counts them: one `send` line per attempt, a retry
 * being any attempt after the first. Used while a run has no summary yet (or an old one).
 */
export function journalSpend(entries: readonly JournalEntry[]): {
  requests: number;
  retries: number;
} {
  let requests = 0;
  let retries = 0;
  for (const entry of entries) {
    if (entry.t === 'send') {
      requests += 1;
      retries += entry.attempt > 0 ? 1 : 0;
    }
  }
  return { requests, retries };
}
