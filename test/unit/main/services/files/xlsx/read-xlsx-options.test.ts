/** Choosing the sheet and the header row, listing sheets, progress, cancelling, empty sheets. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listXlsxSheets,
  readXlsx,
  readXlsxSheet,
} from '../../../../../../main/services/files/read-xlsx';
import { tinyXlsx } from '../../../../../fixtures/xlsx/tiny-xlsx';
import { xlsxFixture } from './xlsx-readers';

const HIDDEN = xlsxFixture('c16-hidden-sheets-and-rows.xlsx');
const MERGED = xlsxFixture('c15-merged-cells.xlsx');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batchline-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('listXlsxSheets', () => {
  it('lists every worksheet in tab order with its visibility and declared last row', async () => {
    expect(await listXlsxSheets(HIDDEN, 'hidden.xlsx')).toEqual([
      { name: 'Lookups', state: 'veryHidden', rowCountEstimate: 2 },
      { name: 'Old Users', state: 'hidden', rowCountEstimate: 2 },
      { name: 'Users', state: 'visible', rowCountEstimate: 6 },
      { name: 'Notes', state: 'visible', rowCountEstimate: 1 },
    ]);
  });

  it('reads a path, and declares a million rows without reading them', async () => {
    const path = join(dir, 'styled.xlsx');
    await writeFile(path, xlsxFixture('c20-styled-rows-to-excel-limit.xlsx'));
    expect(await listXlsxSheets(path)).toEqual([
      { name: 'Users', state: 'visible', rowCountEstimate: 1_048_576 },
    ]);
  });
});

describe('choosing the sheet', () => {
  it('names every sheet, labelled, when the one asked for is not there', async () => {
    await expect(readXlsx(HIDDEN, 'book.xlsx', { sheet: 'Staff' })).rejects.toMatchObject({
      code: 'USAGE',
      message:
        'No sheet "Staff" in book.xlsx; sheets: Lookups (very hidden), Old Users (hidden), Users, Notes',
    });
  });

  it('reads a very hidden sheet only when it is named', async () => {
    const table = await readXlsx(HIDDEN, 'book.xlsx', { sheet: 'Lookups' });
    expect(table).toMatchObject({
      sheet: 'Lookups',
      headers: ['Code'],
      rows: [{ row: 2, cells: ['X1'] }],
    });
  });

  it('asks for a name when no sheet is visible', async () => {
    const bytes = tinyXlsx({ sheets: [{ name: 'Secret', state: 'hidden', rows: '' }] });
    await expect(readXlsx(bytes, 'secret.xlsx')).rejects.toMatchObject({
      code: 'USAGE',
      message: 'secret.xlsx has no visible sheet; choose one by name: Secret (hidden)',
    });
  });

  it('says a sheet is empty, naming the other sheets', async () => {
    await expect(readXlsx(HIDDEN, 'book.xlsx', { sheet: 'notes ' })).resolves.toMatchObject({
      sheet: 'Notes',
    });
    const bytes = tinyXlsx({
      sheets: [
        { name: 'Cover', rows: '' },
        { name: 'Data', rows: '' },
      ],
    });
    await expect(readXlsx(bytes, 'cover.xlsx')).rejects.toMatchObject({
      code: 'FILE_EMPTY',
      message: 'cover.xlsx is empty: sheet "Cover" has no values; its other sheets: Data',
    });
  });

  it('passes over a cover sheet with no data rows to the first visible sheet with data', async () => {
    const text = (ref: string, value: string): string =>
      `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const bytes = tinyXlsx({
      sheets: [
        { name: 'Cover', rows: `<row r="1">${text('A1', 'Onboarding Q3')}</row>` },
        {
          name: 'Archive',
          state: 'hidden',
          rows: `<row r="1">${text('A1', 'email')}</row><row r="2">${text('A2', 'old@x.io')}</row>`,
        },
        { name: 'Blank', rows: '' },
        {
          name: 'People',
          rows: `<row r="1">${text('A1', 'email')}</row><row r="2">${text('A2', 'ann@x.io')}</row>`,
        },
      ],
    });
    expect(await readXlsx(bytes, 'cover.xlsx')).toMatchObject({
      sheet: 'People',
      rows: [{ row: 2, cells: ['ann@x.io'] }],
    });
    // Named, the cover sheet is read as it is: a header and no rows, for the caller to judge.
    expect(await readXlsx(bytes, 'cover.xlsx', { sheet: 'Cover' })).toMatchObject({
      sheet: 'Cover',
      rows: [],
    });
  });
});

describe('choosing the header row', () => {
  it('gives the first non-empty rows as header candidates, whichever row is the header', async () => {
    const detected = await readXlsxSheet(MERGED, 'merged.xlsx');
    expect(detected.table.headerRow).toBe(2);
    expect(detected.leadRows.map((row) => row.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(detected.leadRows[0]?.cells).toEqual(['Staff list — Sales and Support']);
    const forced = await readXlsxSheet(MERGED, 'merged.xlsx', { headerRow: 4 });
    expect(forced.table.headerRow).toBe(4);
    expect(forced.leadRows.map((row) => row.row)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('takes the row the admin gives, dropping the rows above it', async () => {
    const table = await readXlsx(MERGED, 'merged.xlsx', { headerRow: 3 });
    expect(table.headerRow).toBe(3);
    expect(table.headers).toEqual(['ann@example.com', 'Ann', 'Lee', 'Sales', 'London']);
    expect(table.rows.map((row) => row.row)).toEqual([4, 5, 6]);
  });

  it('prefers the row that names the dataset’s fields', async () => {
    const text = (ref: string, value: string): string =>
      `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const rows = [
      `<row r="1">${text('A1', 'Department')}${text('B1', 'Sales')}</row>`,
      `<row r="2">${text('A2', 'Work Email')}${text('B2', 'Given Name')}</row>`,
      `<row r="3">${text('A3', 'ann@example.com')}${text('B3', 'Ann')}</row>`,
    ].join('');
    const bytes = tinyXlsx({ sheets: [{ name: 'S', rows }] });
    expect((await readXlsx(bytes, 'x.xlsx')).headerRow).toBe(1);
    const hints = {
      fields: [
        { key: 'email', label: 'Email', synonyms: ['Work Email'] },
        { key: 'first_name', label: 'First name', synonyms: ['Given Name'] },
      ],
    };
    expect((await readXlsx(bytes, 'x.xlsx', { headerHints: hints })).headerRow).toBe(2);
  });
});

describe('reading', () => {
  it('reports progress through the sheet XML and ends at its size', async () => {
    const seen: number[] = [];
    let total = 0;
    await readXlsx(MERGED, 'merged.xlsx', {
      chunkSize: 256,
      onProgress: ({ inflatedBytes, totalBytes }) => {
        seen.push(inflatedBytes);
        total = totalBytes;
      },
    });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe(total);
  });

  it('stops with CANCELLED when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      readXlsx(MERGED, 'merged.xlsx', { signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });

  it('reads a path, and says so when there is no file', async () => {
    const path = join(dir, 'merged.xlsx');
    await writeFile(path, MERGED);
    expect((await readXlsx(path, 'merged.xlsx')).rows).toHaveLength(4);
    await expect(readXlsx(join(dir, 'nope.xlsx'), 'nope.xlsx')).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      message: 'Cannot read nope.xlsx: no such file',
    });
  });

  it('returns a header-only sheet as a table with no rows, for the caller to judge', async () => {
    const table = await readXlsx(xlsxFixture('c21-header-only.xlsx'), 'header.xlsx');
    expect(table).toMatchObject({
      headers: ['Work Email', 'Given Name', 'Ext'],
      rows: [],
      issues: [],
    });
  });
});
