import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../../shared/ipc/contract';
import {
  detailExplanation,
  detailFacts,
  emptyRowsMessage,
  filterOptions,
  rowMessage,
  rowsUnder,
} from '../../../../renderer/features/runs/run-detail-model';

function detail(overrides: Partial<RunDetail> = {}): RunDetail {
  return {
    run: {
      runId: '20261124-090000-zoom-users-abc123',
      target: 'zoom',
      kind: 'users',
      fileName: 'cohort.xlsx',
      createdAt: 'not a date',
      state: 'interrupted',
      resumable: true,
    },
    baseUrl: 'http://127.0.0.1:4010/v2',
    connectionLabel: 'Sandbox · Zoom Phone',
    sheet: 'People',
    total: 300,
    counts: { created: 200, updated: 0, skipped: 0, failed: 5, invalid: 3, pending: 92 },
    requests: 31,
    retries: 2,
    durationMs: 4200,
    headers: ['Work Email'],
    columnWidths: [200],
    lastRow: 301,
    ...overrides,
  };
}

describe('the run detail view model', () => {
  it('lists the summary facts: target, file and sheet, connection, time and cost', () => {
    const facts = Object.fromEntries(detailFacts(detail()).map((fact) => [fact.label, fact.value]));
    expect(facts).toEqual({
      Target: 'Zoom Phone · Users',
      File: 'cohort.xlsx (sheet “People”)',
      Connection: 'Sandbox · Zoom Phone',
      'Base URL': 'http://127.0.0.1:4010/v2',
      Started: 'not a date',
      Duration: '4.2 s so far',
      Requests: '31',
      Retries: '2',
    });
  });

  it('says when a command-line run’s connection is not in the app, and a finished duration plainly', () => {
    const completed = detail({
      connectionLabel: undefined,
      baseUrl: '',
      run: { ...detail().run, state: 'completed', resumable: false },
    });
    const facts = Object.fromEntries(
      detailFacts(completed).map((fact) => [fact.label, fact.value]),
    );
    expect(facts.Connection).toBe('Not in this app (a command-line run)');
    expect(facts['Base URL']).toBe('Not recorded');
    expect(facts.Duration).toBe('4.2 s');
  });

  it('offers every outcome as a filter with its count, pending only when there are any', () => {
    expect(filterOptions(detail()).map((option) => option.label)).toEqual([
      'All rows (300)',
      'Created (200)',
      'Skipped (0)',
      'Failed (5)',
      'Invalid (3)',
      'Pending (92)',
    ]);
    const done = detail({
      counts: { created: 300, updated: 0, skipped: 0, failed: 0, invalid: 0, pending: 0 },
    });
    expect(filterOptions(done).map((option) => option.value)).toEqual([
      'all',
      'created',
      'skipped',
      'failed',
      'invalid',
    ]);
  });

  it('sizes the table by the filter and says why it is empty', () => {
    expect(rowsUnder(detail(), 'all')).toBe(300);
    expect(rowsUnder(detail(), 'failed')).toBe(5);
    expect(emptyRowsMessage('failed')).toBe('No rows failed.');
    expect(emptyRowsMessage('pending')).toMatch(/every row has an outcome/);
  });

  it('drops a message that only repeats the status', () => {
    expect(rowMessage({ status: 'created', message: 'Created' })).toBe('');
    expect(rowMessage({ status: 'failed', message: 'bad site' })).toBe('bad site');
  });

  it('explains a cancelled run’s rows not done as pending, and other states as the list does', () => {
    const cancelled = detail({ run: { ...detail().run, state: 'cancelled' } });
    expect(detailExplanation(cancelled)).toMatch(
      /^Cancelled before the end: rows not done yet are pending/,
    );
    expect(detailExplanation(detail())).toMatch(/^The app or the command line stopped mid-run/);
    const completed = detail({ run: { ...detail().run, state: 'completed' } });
    expect(detailExplanation(completed)).toBeNull();
  });
});
