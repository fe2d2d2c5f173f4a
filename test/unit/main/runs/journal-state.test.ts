import { describe, expect, it } from 'vitest';
import { NOT_CONFIRMED, NOT_SENT } from '../../../../main/services/push/batch-runner';
import type { JournalEntry } from '../../../../main/services/runs/journal';
import { readJournalState } from '../../../../main/services/runs/journal-state';

const at = '2026-11-24T09:00:00.000Z';

describe('readJournalState', () => {
  it('settles rows with a final outcome and flags rows sent without one as in flight', () => {
    const entries: JournalEntry[] = [
      { t: 'start', at, runId: 'r', rows: 4 },
      { t: 'row', at, row: 5, status: 'invalid', message: 'bad email' },
      { t: 'send', at, request: 1, attempt: 0, rows: [2, 3] },
      { t: 'row', at, row: 2, status: 'created', id: 'a', message: 'created' },
      { t: 'send', at, request: 2, attempt: 0, rows: [4] },
    ];
    const state = readJournalState(entries);
    expect([...state.settled.keys()].sort()).toEqual([2, 5]);
    expect([...state.inFlight].sort()).toEqual([3, 4]);
    expect(state.lastRequest).toBe(2);
    expect(state.ended).toBeUndefined();
  });

  it('reopens rows a stopped run left as not sent or not confirmed', () => {
    const entries: JournalEntry[] = [
      { t: 'send', at, request: 7, attempt: 0, rows: [2] },
      { t: 'row', at, row: 2, status: 'failed', message: `${NOT_CONFIRMED}the daily limit` },
      { t: 'row', at, row: 3, status: 'failed', message: `${NOT_SENT}the daily limit` },
      { t: 'row', at, row: 4, status: 'failed', message: 'Zoom refused (HTTP 400): bad site' },
      { t: 'end', at, state: 'stopped', reason: 'the daily limit' },
    ];
    const state = readJournalState(entries);
    expect([...state.settled.keys()]).toEqual([4]);
    expect([...state.inFlight]).toEqual([2]);
    expect(state.ended?.state).toBe('stopped');
  });
});
