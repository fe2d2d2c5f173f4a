import type { RowResult } from '../../../shared/jobs/run-types';
import { ResultStatus } from '../../../shared/jobs/run-types';
import { NOT_CONFIRMED, NOT_SENT } from '../push/batch-runner';
import type { JournalEntry } from './journal';

/** What a journal says about its run, read back after a crash, a cancel or a stop. */
export interface JournalState {
  /** Rows whose outcome is final: never sent again. */
  settled: Map<number, RowResult>;
  /**
   * Rows sent at least once whose outcome is not final: the change may have been applied,
   * so they are looked up before anything is sent again.
   */
  inFlight: Set<number>;
  /** How the last attempt ended, if it got that far. */
  ended?: Extract<JournalEntry, { t: 'end' }>;
  /** The highest request number used, so a resumed run numbers on from there. */
  lastRequest: number;
  /** Rows the plan chose to update (row → record id), as the start entry recorded them. */
  updates: Map<number, string>;
}

/**
 * Folds journal entries into the run's state.
 *
 * A row a stopped or cancelled run left as "not sent" or "sent, but not confirmed" is not
 * final: resuming sends the first kind and looks the second up. Every other row is final.
 */
export function readJournalState(entries: readonly JournalEntry[]): JournalState {
  const settled = new Map<number, RowResult>();
  const sent = new Set<number>();
  let ended: JournalState['ended'];
  let lastRequest = 0;
  const updates = new Map<number, string>();
  for (const entry of entries) {
    switch (entry.t) {
      case 'send':
        lastRequest = Math.max(lastRequest, entry.request);
        for (const row of entry.rows) {
          sent.add(row);
        }
        break;
      case 'row': {
        const status = ResultStatus.safeParse(entry.status);
        if (!status.success) {
          break;
        }
        if (
          status.data === 'failed' &&
          (entry.message.startsWith(NOT_SENT) || entry.message.startsWith(NOT_CONFIRMED))
        ) {
          settled.delete(entry.row);
          break;
        }
        settled.set(entry.row, {
          row: entry.row,
          status: status.data,
          message: entry.message,
          ...(entry.id ? { id: entry.id } : {}),
        });
        break;
      }
      case 'end':
        ended = entry;
        break;
      case 'start':
        for (const [row, id] of entry.updates ?? []) {
          updates.set(row, id);
        }
        break;
      case 'answer':
        break;
    }
  }
  const inFlight = new Set([...sent].filter((row) => !settled.has(row)));
  return { settled, inFlight, ...(ended ? { ended } : {}), lastRequest, updates };
}
