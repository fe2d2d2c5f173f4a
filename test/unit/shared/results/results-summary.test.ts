import { describe, expect, it } from 'vitest';
import {
  EXPORT_MIME_TYPES,
  resultsFileName,
  templateFileName,
} from '../../../../shared/results/export-format';
import {
  finishedAtOf,
  formatDuration,
  summaryTable,
  type ResultsSummary,
} from '../../../../shared/results/results-summary';

const SUMMARY: ResultsSummary = {
  runId: '20261124-072101-zoom-users-3f9a1c',
  target: 'zoom',
  kind: 'users',
  fileName: 'hr export.csv',
  finishedAt: '2026-11-24T07:21:13.500Z',
  total: 12,
  created: 8,
  updated: 0,
  skipped: 0,
  failed: 1,
  invalid: 3,
  requests: 2,
  retries: 1,
  durationMs: 2_345,
};

describe('summaryTable', () => {
  it('lists the run facts in reading order, every value as text', () => {
    const table = summaryTable(SUMMARY);
    expect(table.headers).toEqual(['Item', 'Value']);
    expect(table.rows).toEqual([
      ['Run ID', SUMMARY.runId],
      ['Target', 'zoom'],
      ['Kind', 'users'],
      ['File', 'hr export.csv'],
      ['Total rows', '12'],
      ['Created', '8'],
      ['Updated', '0'],
      ['Skipped', '0'],
      ['Failed', '1'],
      ['Invalid', '3'],
      ['Requests', '2'],
      ['Retries', '1'],
      ['Duration', '2.3 s'],
      ['Finished at', '2026-11-24 07:21:13 UTC'],
    ]);
  });

  it('leaves an unknown end time empty', () => {
    expect(summaryTable({ ...SUMMARY, finishedAt: '' }).rows.at(-1)).toEqual(['Finished at', '']);
  });
});

describe('formatDuration', () => {
  it('is precise for short runs and readable for long ones', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
    expect(formatDuration(3_725_000)).toBe('1 h 02 min');
  });
});

describe('finishedAtOf', () => {
  it('adds the duration to the start, and gives up on a bad start', () => {
    expect(finishedAtOf('2026-11-24T07:21:01.000Z', 12_500)).toBe('2026-11-24T07:21:13.500Z');
    expect(finishedAtOf('not a date', 1)).toBe('');
  });
});

describe('export file names', () => {
  it('name results after the source file and templates after the dataset', () => {
    expect(resultsFileName('hr-export.xlsx', 'results', 'csv')).toBe('hr-export-results.csv');
    expect(resultsFileName('users.v2.csv', 'failed-rows', 'xlsx')).toBe(
      'users.v2-failed-rows.xlsx',
    );
    expect(resultsFileName('.csv', 'results', 'csv')).toBe('batchline-results.csv');
    expect(templateFileName('zoom', 'users', 'xlsx')).toBe('batchline-zoom-users-template.xlsx');
    expect(EXPORT_MIME_TYPES.xlsx).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });
});
