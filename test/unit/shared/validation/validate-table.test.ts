import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../shared/csv/decode-text';
import { parseCsv } from '../../../../shared/csv/parse-csv';
import { createZoomUsersDataset } from '../../../../shared/datasets/zoom-users';
import { suggestMapping } from '../../../../shared/mapping/suggest-mapping';
import type { SourceTable } from '../../../../shared/table/source-table';
import { validateTable } from '../../../../shared/validation/validate-table';

const us = createZoomUsersDataset({ defaultCountry: 'US' });
const read = (path: string): SourceTable =>
  parseCsv(
    decodeText(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url))).text,
    path,
  );
const validate = (table: SourceTable, dataset = us) =>
  validateTable(table, dataset, suggestMapping(table.headers, dataset).mapping);

describe('validateTable', () => {
  it('accepts all 25 rows of the valid fixture, with payloads and no issues', () => {
    const result = validate(read('zoom-users/valid-25.csv'));
    expect(result.counts).toEqual({ total: 25, valid: 25, invalid: 0, warnings: 0 });
    expect(result.issues).toEqual([]);
    expect(result.rows[2]).toMatchObject({
      row: 4,
      payload: {
        email: 'chloe.martin@example.com',
        first_name: 'Chloé',
        extension_number: '2103',
        phone_numbers: ['+14155550103'],
        calling_plans: ['US/CA Unlimited Calling'],
        site_name: 'Remote',
      },
    });
  });

  it('accepts the 8 demo rows of sample-users.csv, desk phones included, with no country', () => {
    const result = validate(read('zoom-users/sample-users.csv'), createZoomUsersDataset());
    expect(result.counts).toEqual({ total: 8, valid: 8, invalid: 0, warnings: 1 });
    expect(result.rows[0]?.payload).toMatchObject({
      sms: true,
      desk_phones: [{ brand: 'Yealink', model: 't46s', mac: '805ec0112201' }],
    });
    expect(result.rows[5]?.payload).toMatchObject({
      calling_plans: ['US/CA Unlimited Calling', 'International Select'],
    });
  });

  it('finds each planted problem of the mixed fixture on its row and source column', () => {
    const result = validate(read('zoom-users/mixed-errors.csv'));
    expect(result.counts).toEqual({ total: 12, valid: 5, invalid: 7, warnings: 1 });
    const errors = result.issues
      .filter((i) => i.severity === 'error')
      .map((i) => [i.row, i.column, i.code]);
    expect(errors).toEqual([
      [3, 'Work Email', 'INVALID_EMAIL'],
      [4, 'Ext', 'REQUIRED'],
      [5, 'Work Email', 'DUPLICATE_VALUE'],
      [6, 'Ext', 'INVALID_EXTENSION'],
      [7, 'Direct Dial', 'PHONE_EXCEL_DAMAGED'],
      [8, null, 'RAGGED_ROW'],
      [11, 'Ext', 'DUPLICATE_VALUE'],
    ]);
    expect(result.rows.filter((r) => r.payload).map((r) => r.row)).toEqual([2, 9, 10, 12, 13]);
    expect(result.issues.find((i) => i.row === 5)?.message).toBe(
      'Duplicate email amy.stone@example.com: also on row 2',
    );
    expect(result.issues.find((i) => i.row === 6)).toMatchObject({
      field: 'extension_number',
      message: "extension_number must be 2-15 digits, got '20a5'",
    });
    expect(result.issues.find((i) => i.severity === 'warning')).toMatchObject({
      row: 10,
      column: 'Direct Dial',
      code: 'PHONE_NORMALISED',
    });
  });

  it('flags duplicate emails (any case), extensions (leading zeros ignored) and numbers (any format)', () => {
    const result = validate(read('csv/duplicate-values.csv'));
    const dupes = result.issues.filter((i) => i.code === 'DUPLICATE_VALUE').map((i) => i.message);
    expect(dupes).toEqual([
      'Duplicate email Alice@Example.com: also on row 2',
      'Duplicate extension_number 1001: also on row 2',
      'Duplicate phone_numbers (415) 555-0102: also on row 3',
      'Duplicate extension_number 01002: also on row 3',
    ]);
    expect(result.rows.map((r) => r.payload !== undefined)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('reports every phone case of the phones fixture, keeping the original text in messages', () => {
    const result = validate(read('csv/phones.csv'));
    const byRow = new Map(result.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)?.issues[0]?.message).toContain("'0012' is not a valid phone number");
    expect(byRow.get(3)?.payload).toMatchObject({ phone_numbers: ['+14155550100'] });
    expect(byRow.get(3)?.issues).toEqual([]);
    expect(byRow.get(4)?.issues[0]).toMatchObject({
      severity: 'warning',
      message: "phone_numbers '(415) 555-0101' was written as +14155550101",
    });
    for (const row of [5, 6, 7]) {
      expect(byRow.get(row)?.payload).toBeUndefined();
      expect(byRow.get(row)?.issues[0]?.message).toContain(
        'corrupted by Excel (scientific notation lost digits',
      );
    }
    expect(byRow.get(8)?.payload).toMatchObject({ phone_numbers: ['+14155550103'] });
    expect(byRow.get(9)?.payload).toMatchObject({
      phone_numbers: ['+14155550104', '+14155550105'],
    });
  });

  it('makes ragged and broken-quote rows invalid without running the schema on them', () => {
    const result = validate(read('csv/ragged.csv'));
    expect(result.rows.map((r) => [r.row, r.payload !== undefined])).toEqual([
      [2, true],
      [3, false],
      [4, true],
      [5, false],
      [6, true],
    ]);
    expect(result.rows[1]?.issues.map((i) => i.code)).toEqual(['RAGGED_ROW']);
    expect(result.counts.warnings).toBe(1);
  });

  it('treats an empty or whitespace-only cell as absent', () => {
    const table: SourceTable = {
      fileName: 't.csv',
      format: 'csv',
      headerRow: 1,
      headers: ['email', 'ext', 'plan', 'first'],
      issues: [],
      skippedEmpty: 0,
      rows: [{ row: 2, cells: ['  a@example.com ', '101', 'P', '   '] }],
    };
    const result = validateTable(table, us, {
      email: 'email',
      extension_number: 'ext',
      calling_plans: 'plan',
      first_name: 'first',
    });
    expect(result.rows[0]?.payload).toEqual({
      email: 'a@example.com',
      extension_number: '101',
      calling_plans: ['P'],
    });
  });

  it('reports a required field that is not mapped on every row, with no column', () => {
    const table = read('zoom-users/valid-25.csv');
    const result = validateTable(table, us, { email: 'Work Email', calling_plans: 'Calling Plan' });
    expect(result.counts.invalid).toBe(25);
    expect(result.rows[0]?.issues).toEqual([
      {
        row: 2,
        column: null,
        field: 'extension_number',
        code: 'REQUIRED',
        message: 'extension_number is required',
        severity: 'error',
      },
    ]);
  });

  it('validates 100k rows in one pass without failing a row (prints the rate)', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      row: i + 2,
      cells: [
        `user${i}@example.com`,
        'First',
        'Last',
        String(100_000 + i),
        i % 2
          ? `+1415555${String(i % 100).padStart(2, '0')}${String(i % 100).padStart(2, '0')}`
          : '',
        'Plan A',
      ],
    }));
    const table: SourceTable = {
      fileName: 'big.csv',
      format: 'csv',
      headerRow: 1,
      headers: [
        'email',
        'first_name',
        'last_name',
        'extension_number',
        'phone_numbers',
        'calling_plans',
      ],
      rows,
      issues: [],
      skippedEmpty: 0,
    };
    const started = performance.now();
    const result = validateTable(table, us, Object.fromEntries(table.headers.map((h) => [h, h])));
    const ms = performance.now() - started;
    console.log(
      `validateTable: 100k rows in ${ms.toFixed(0)} ms (${Math.round(100_000 / (ms / 1000))} rows/s)`,
    );
    expect(result.counts.total).toBe(100_000);
    expect(
      result.rows.every((r) =>
        r.issues.every((i) => i.severity === 'warning' || i.code === 'DUPLICATE_VALUE'),
      ),
    ).toBe(true);
  });
});

describe('validateTable with a hand-written mapping', () => {
  it('reads a column whose header differs from the mapping in spacing or case, and names it as the file does', () => {
    const table: SourceTable = {
      fileName: 't.csv',
      format: 'csv',
      headerRow: 1,
      headers: ['Work Email ', 'ext', 'plan'],
      issues: [],
      skippedEmpty: 0,
      rows: [{ row: 2, cells: ['not-an-email', '101', 'P'] }],
    };
    const result = validateTable(table, us, {
      email: 'work email',
      extension_number: 'ext',
      calling_plans: 'plan',
    });
    expect(result.rows[0]?.issues[0]).toMatchObject({
      column: 'Work Email ',
      code: 'INVALID_EMAIL',
    });
  });
});
