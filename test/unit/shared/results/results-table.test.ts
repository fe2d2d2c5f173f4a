import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { toCsv } from '../../../../shared/csv/write-csv';
import type { RowResult } from '../../../../shared/jobs/run-types';
import {
  buildResultsTable,
  failedRowsTable,
  invalidRowResults,
  summariseResults,
} from '../../../../shared/results/results-table';
import type { SourceTable } from '../../../../shared/table/source-table';

const table: SourceTable = {
  fileName: 'users.csv',
  format: 'csv',
  headerRow: 1,
  headers: ['email', 'first_name', 'phone'],
  rows: [
    { row: 2, cells: ['a@example.com', '=HYPERLINK("x")', '+14155550101'] },
    { row: 3, cells: ['b@example.com', 'Bob'] },
    { row: 5, cells: ['c@example.com', 'Cy', '+14155550103'] },
    { row: 6, cells: ['d@example.com', 'Di', ''] },
  ],
  issues: [],
  skippedEmpty: 1,
};
const results: RowResult[] = [
  { row: 2, status: 'created', id: 'u1', message: 'Created' },
  { row: 3, status: 'invalid', message: 'phone: required' },
  { row: 5, status: 'failed', message: 'Zoom refused: site not found' },
];

describe('buildResultsTable', () => {
  it('appends result_status, result_id, result_message and source_row to the source columns', () => {
    const sheet = buildResultsTable(table, results);
    expect(sheet.headers).toEqual([
      'email',
      'first_name',
      'phone',
      'result_status',
      'result_id',
      'result_message',
      'source_row',
    ]);
    expect(sheet.rows[0]).toEqual([
      'a@example.com',
      '=HYPERLINK("x")',
      '+14155550101',
      'created',
      'u1',
      'Created',
      '2',
    ]);
  });

  it('has every source row exactly once, padding short rows and marking rows without a result skipped', () => {
    const sheet = buildResultsTable(table, results);
    expect(sheet.rows.map((r) => r.at(-1))).toEqual(['2', '3', '5', '6']);
    expect(sheet.rows[1]).toEqual([
      'b@example.com',
      'Bob',
      '',
      'invalid',
      '',
      'phone: required',
      '3',
    ]);
    expect(sheet.rows[3]?.slice(3)).toEqual([
      'skipped',
      '',
      'No result was recorded for this row; it was not sent',
      '6',
    ]);
  });

  it('uses the last result of a row reported twice', () => {
    const sheet = buildResultsTable(table, [
      ...results,
      { row: 5, status: 'created', id: 'u3', message: 'Created on retry' },
    ]);
    expect(sheet.rows[2]?.slice(3, 5)).toEqual(['created', 'u3']);
  });

  it('replaces result columns already in the source instead of repeating them', () => {
    const again: SourceTable = {
      ...table,
      headers: ['email', 'result_message'],
      rows: [{ row: 2, cells: ['a@example.com', 'old'] }],
    };
    const sheet = buildResultsTable(again, results);
    expect(sheet.headers).toEqual([
      'email',
      'result_status',
      'result_id',
      'result_message',
      'source_row',
    ]);
    expect(sheet.rows[0]).toEqual(['a@example.com', 'created', 'u1', 'Created', '2']);
  });
});

describe('failedRowsTable', () => {
  it('keeps only failed and invalid rows, source columns plus result_message', () => {
    const sheet = failedRowsTable(table, results);
    expect(sheet.headers).toEqual(['email', 'first_name', 'phone', 'result_message']);
    expect(sheet.rows).toEqual([
      ['b@example.com', 'Bob', '', 'phone: required'],
      ['c@example.com', 'Cy', '+14155550103', 'Zoom refused: site not found'],
    ]);
  });

  it('re-imports through CSV with the same cells, formula-like ones included', () => {
    const withFormula = failedRowsTable(table, [
      { row: 2, status: 'failed', message: '-1 seats left' },
    ]);
    const reread = parseCsv(toCsv(withFormula.headers, withFormula.rows).slice(1), 'failed.csv');
    expect(reread.headers).toEqual(withFormula.headers);
    expect(reread.rows.map((r) => r.cells)).toEqual(withFormula.rows);
  });
});

describe('summariseResults', () => {
  it('counts rows by their last status', () => {
    expect(summariseResults([...results, { row: 5, status: 'created', message: 'ok' }])).toEqual({
      total: 3,
      created: 2,
      updated: 0,
      skipped: 0,
      failed: 0,
      invalid: 1,
    });
  });
});

describe('invalidRowResults', () => {
  it('turns rows without payload into invalid results naming column and message of each error', () => {
    const out = invalidRowResults([
      { row: 2, cells: [], payload: {}, issues: [] },
      {
        row: 3,
        cells: [],
        issues: [
          {
            row: 3,
            column: 'Work Email',
            code: 'INVALID_EMAIL',
            message: "email must be a valid email address, got 'x'",
            severity: 'error',
          },
          {
            row: 3,
            column: 'Direct Dial',
            code: 'PHONE_NORMALISED',
            message: 'ignored warning',
            severity: 'warning',
          },
          {
            row: 3,
            column: null,
            code: 'RAGGED_ROW',
            message: 'Row 3 has 5 cells',
            severity: 'error',
          },
        ],
      },
    ]);
    expect(out).toEqual([
      {
        row: 3,
        status: 'invalid',
        message: "Work Email: email must be a valid email address, got 'x'; Row 3 has 5 cells",
      },
    ]);
  });
});

describe('results sheets with hidden (password and PIN) columns', () => {
  const secretTable: SourceTable = {
    ...table,
    headers: ['name', 'password', 'voicemail_pin'],
    rows: [
      { row: 2, cells: ['alice', 'Str0ng-Pass!', '246813'] },
      { row: 3, cells: ['bob', 'Other-Pass?9', ''] },
    ],
  };
  const outcomes: RowResult[] = [
    { row: 2, status: 'created', id: 'u1', message: 'Created' },
    { row: 3, status: 'failed', message: 'PortSIP refused' },
  ];
  const hidden = new Set([1, 2]);

  it('keeps the headers and writes every hidden cell empty in the results CSV', () => {
    const sheet = buildResultsTable(secretTable, outcomes, hidden);
    const csv = toCsv(sheet.headers, sheet.rows);
    expect(sheet.headers.slice(0, 3)).toEqual(['name', 'password', 'voicemail_pin']);
    expect(sheet.rows.map((row) => row.slice(0, 3))).toEqual([
      ['alice', '', ''],
      ['bob', '', ''],
    ]);
    expect(csv).not.toContain('Str0ng-Pass!');
    expect(csv).not.toContain('246813');
    const back = parseCsv(csv, 'results.csv');
    expect(back.headers.slice(0, 3)).toEqual(['name', 'password', 'voicemail_pin']);
    expect(back.rows[0]?.cells.slice(0, 3)).toEqual(['alice', '', '']);
  });

  it('empties hidden cells in the failed-rows sheet too', () => {
    const sheet = failedRowsTable(secretTable, outcomes, hidden);
    expect(sheet.headers).toEqual(['name', 'password', 'voicemail_pin', 'result_message']);
    expect(sheet.rows).toEqual([['bob', '', '', 'PortSIP refused']]);
  });
});
