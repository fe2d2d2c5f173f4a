import { describe, expect, it } from 'vitest';
import { NOT_CONFIRMED, NOT_SENT } from '../../../../main/services/push/push-stop';
import type { JournalEntry } from '../../../../main/services/runs/journal';
import {
  ANSWER_NOT_RECORDED,
  countOutcomes,
  journalResults,
  journalSpend,
  NO_RESULT,
  NOT_SENT_YET,
  rowOutcomes,
} from '../../../../main/services/runs/run-outcomes';

const at = '2026-11-24T09:00:00.000Z';

describe('run outcomes read from the journal', () => {
  it('gives every row of a completed run its final outcome, in sheet order', () => {
    const entries: JournalEntry[] = [
      { t: 'start', at, runId: 'r', rows: 3 },
      { t: 'row', at, row: 4, status: 'invalid', message: 'Work Email: not an email' },
      { t: 'send', at, request: 1, attempt: 0, rows: [2, 3] },
      { t: 'row', at, row: 3, status: 'created', id: 'u3', message: 'created' },
      { t: 'row', at, row: 2, status: 'failed', message: 'Zoom refused: bad site' },
      { t: 'end', at, state: 'completed' },
    ];
    const outcomes = rowOutcomes([2, 3, 4, 5], entries, true);
    expect(outcomes).toEqual([
      { row: 2, status: 'failed', message: 'Zoom refused: bad site' },
      { row: 3, status: 'created', id: 'u3', message: 'created' },
      { row: 4, status: 'invalid', message: 'Work Email: not an email' },
      // No line for row 5: the results sheet calls that skipped, and so does the detail.
      { row: 5, status: 'skipped', message: NO_RESULT },
    ]);
    expect(countOutcomes(outcomes)).toEqual({
      created: 1,
      updated: 0,
      skipped: 1,
      failed: 1,
      invalid: 1,
      pending: 0,
    });
  });

  it('shows rows a cancelled run left open as pending, saying why', () => {
    const entries: JournalEntry[] = [
      { t: 'send', at, request: 1, attempt: 0, rows: [2] },
      { t: 'row', at, row: 2, status: 'created', id: 'u2', message: 'created' },
      { t: 'send', at, request: 2, attempt: 0, rows: [3] },
      { t: 'row', at, row: 3, status: 'failed', message: `${NOT_CONFIRMED}the run was cancelled` },
      { t: 'row', at, row: 4, status: 'failed', message: `${NOT_SENT}the run was cancelled` },
      { t: 'end', at, state: 'cancelled', reason: 'the run was cancelled' },
    ];
    const outcomes = rowOutcomes([2, 3, 4], entries, false);
    expect(outcomes.map((outcome) => [outcome.row, outcome.status, outcome.message])).toEqual([
      [2, 'created', 'created'],
      [3, 'pending', 'Sent, but not confirmed: the run was cancelled'],
      [4, 'pending', 'Not sent: the run was cancelled'],
    ]);
    // The results sheet still lists them as failed: that is what the export holds.
    expect(journalResults(entries).map((result) => result.status)).toEqual([
      'created',
      'failed',
      'failed',
    ]);
  });

  it('shows an interrupted run’s rows in flight and never sent as pending', () => {
    const entries: JournalEntry[] = [
      { t: 'row', at, row: 4, status: 'failed', message: `${NOT_SENT}the daily limit` },
      { t: 'end', at, state: 'stopped', reason: 'the daily limit' },
      // Resumed, then cut off: row 4 went out again and its answer never came.
      { t: 'send', at, request: 3, attempt: 0, rows: [4] },
      { t: 'send', at, request: 3, attempt: 1, rows: [4] },
    ];
    const outcomes = rowOutcomes([4, 5], entries, false);
    expect(outcomes).toEqual([
      { row: 4, status: 'pending', message: ANSWER_NOT_RECORDED },
      { row: 5, status: 'pending', message: NOT_SENT_YET },
    ]);
    expect(journalSpend(entries)).toEqual({ requests: 2, retries: 1 });
  });

  it('keeps the last result of a row reported twice and ignores unknown statuses', () => {
    const entries: JournalEntry[] = [
      { t: 'row', at, row: 2, status: 'failed', message: `${NOT_SENT}cancelled` },
      { t: 'row', at, row: 2, status: 'created', id: 'u2', message: 'created' },
      { t: 'row', at, row: 3, status: 'exploded', message: '?' },
    ];
    expect(journalResults(entries)).toEqual([
      { row: 2, status: 'created', id: 'u2', message: 'created' },
    ]);
  });
});
