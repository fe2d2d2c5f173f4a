import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTableFile } from '../../../../../main/services/files/read-table-file';
import { writeXlsxFile } from '../../../../../main/services/files/write-xlsx-file';
import {
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
} from '../../../../../main/services/files/xlsx-writer/column-widths';
import { resultsSheets } from '../../../../../main/services/files/xlsx-writer/results-workbook';
import { STATUS_COLOURS } from '../../../../../main/services/files/xlsx-writer/xlsx-styles';
import { AppError } from '../../../../../shared/errors';
import type { ResultsSummary } from '../../../../../shared/results/results-summary';
import { cellTypes, sheetXml, zipEntries } from './xlsx-parts';

const HEADERS = [
  'email',
  'name',
  'phone',
  'ext',
  'result_status',
  'result_id',
  'result_message',
  'source_row',
];
const ROWS: string[][] = [
  [
    'a@example.com',
    '=HYPERLINK("http://evil.example/","x")',
    '+14155550100',
    '0012',
    'created',
    'u1',
    'Created',
    '2',
  ],
  ['b@example.com', '+1-2', '-5', '1001', 'updated', 'u2', 'Updated', '3'],
  ['c@example.com', '@SUM(A1:A9)', '', '', 'skipped', '', 'Already exists', '4'],
  [
    'd@example.com',
    '\tTabbed',
    '(415) 555-0100',
    '1E3',
    'failed',
    '',
    'Zoom refused: site not found',
    '5',
  ],
  [
    'e@example.com',
    '=1+1\nsecond line',
    '',
    'TRUE',
    'invalid',
    '',
    'Ext: must be 2-15 digits',
    '6',
  ],
  ['f@example.com', '\rCarriage', '14155550100', '00:1a', 'invalid', '', 'x'.repeat(300), '7'],
];
const SUMMARY: ResultsSummary = {
  runId: '20261124-072101-zoom-users-3f9a1c',
  target: 'zoom',
  kind: 'users',
  fileName: 'hr.csv',
  finishedAt: '2026-11-24T07:21:13.500Z',
  total: 6,
  created: 1,
  updated: 1,
  skipped: 1,
  failed: 1,
  invalid: 2,
  requests: 3,
  retries: 1,
  durationMs: 12_500,
};

describe('writeXlsxFile: results workbook', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-write-xlsx-'));
    path = join(dir, 'results.xlsx');
    await writeXlsxFile(path, resultsSheets({ headers: HEADERS, rows: ROWS }, SUMMARY));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes every cell as an inline string: no formula, no number, no t="str" in any sheet', async () => {
    const entries = zipEntries(await readFile(path));
    for (const n of [1, 2]) {
      const xml = sheetXml(entries, n);
      expect(xml).not.toMatch(/<f[\s>]/);
      const types = cellTypes(xml);
      expect(types.length).toBeGreaterThan(0);
      expect(new Set(types)).toEqual(new Set(['inlineStr']));
    }
    expect(sheetXml(entries, 1)).toContain(
      '<t>=HYPERLINK(&quot;http://evil.example/&quot;,&quot;x&quot;)</t>',
    );
  });

  it('reads back in exceljs as the same text, cell by cell, phone numbers and 0012 included', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Results');
    expect(sheet).toBeDefined();
    const read = (r: number) =>
      HEADERS.map((_, c) => {
        const cell = sheet?.getRow(r).getCell(c + 1);
        // A string cell: never a number, a formula, a boolean or a date.
        expect([ExcelJS.ValueType.RichText, ExcelJS.ValueType.Null]).toContain(cell?.type);
        return cell?.text ?? '';
      });
    expect(read(1)).toEqual(HEADERS);
    ROWS.forEach((row, i) => expect(read(i + 2)).toEqual(row));
  });

  it('re-imports through readTableFile with exactly the cells written', async () => {
    const table = await readTableFile(path);
    expect(table.headers).toEqual(HEADERS);
    expect(table.rows.map((row) => HEADERS.map((_, c) => row.cells[c] ?? ''))).toEqual(ROWS);
    expect(table.issues).toEqual([]);
  });

  it('has a bold, frozen, auto-filtered header and text-formatted data cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Results');
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const xml = sheetXml(zipEntries(await readFile(path)), 1);
    expect(xml).toContain(`<autoFilter ref="A1:H${ROWS.length + 1}"/>`);
    expect(sheet?.getRow(2).getCell(3).numFmt).toBe('@');
    // Excel shows a Text-formatted cell over 255 characters as ####.
    expect(sheet?.getRow(7).getCell(7).numFmt).not.toBe('@');
  });

  it('colours result_status by status, fill and font', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Results');
    ROWS.forEach((row, i) => {
      const status = row[4] as keyof typeof STATUS_COLOURS;
      const cell = sheet?.getRow(i + 2).getCell(5);
      expect(cell?.fill).toMatchObject({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: STATUS_COLOURS[status].fill },
      });
      expect(cell?.font?.color).toEqual({ argb: STATUS_COLOURS[status].font });
    });
    // Other cells stay unfilled.
    const plain = sheet?.getRow(2).getCell(1).fill;
    expect(plain === undefined || (plain.type === 'pattern' && plain.pattern === 'none')).toBe(
      true,
    );
  });

  it('fits column widths to the content within bounds', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Results');
    const widths = HEADERS.map((_, c) => sheet?.getColumn(c + 1).width ?? 0);
    expect(widths.every((w) => w >= MIN_COLUMN_WIDTH && w <= MAX_COLUMN_WIDTH)).toBe(true);
    expect(widths[6]).toBe(MAX_COLUMN_WIDTH);
    expect(widths[1]).toBeGreaterThan(widths[7] ?? 0);
  });

  it('adds a Summary sheet with the run facts', async () => {
    const table = await readTableFile(path, { sheet: 'Summary' });
    const facts = new Map(table.rows.map((row) => [row.cells[0], row.cells[1]]));
    expect(table.headers).toEqual(['Item', 'Value']);
    expect(Object.fromEntries(facts)).toEqual({
      'Run ID': SUMMARY.runId,
      Target: 'zoom',
      Kind: 'users',
      File: 'hr.csv',
      'Total rows': '6',
      Created: '1',
      Updated: '1',
      Skipped: '1',
      Failed: '1',
      Invalid: '2',
      Requests: '3',
      Retries: '1',
      Duration: '12.5 s',
      'Finished at': '2026-11-24 07:21:13 UTC',
    });
  });
});

describe('writeXlsxFile: atomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'batchline-xlsx-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves the old file and no temp file when the rows fail half way', async () => {
    const path = join(dir, 'out.xlsx');
    await writeFile(path, 'old');
    function* rows(): Generator<string[]> {
      for (let i = 0; i < 5000; i++) {
        if (i === 3000) {
          throw new Error('source went away');
        }
        yield [`row ${i}`];
      }
    }
    await expect(
      writeXlsxFile(path, [{ name: 'S', headers: ['v'], rows: rows() }]),
    ).rejects.toThrow(/source went away/);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['out.xlsx']);
  });

  it('fails with FILE_UNREADABLE naming the path when the folder does not exist', async () => {
    const path = join(dir, 'missing', 'out.xlsx');
    const error = await writeXlsxFile(path, [{ name: 'S', headers: ['v'], rows: [] }]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FILE_UNREADABLE');
    expect((error as AppError).message).toContain(path);
    expect(await readdir(dir)).toEqual([]);
  });

  it('streams many rows in order', async () => {
    const path = join(dir, 'many.xlsx');
    const count = 20_000;
    function* rows(): Generator<string[]> {
      for (let i = 0; i < count; i++) {
        yield [String(i).padStart(6, '0'), `+1415555${String(i % 10000).padStart(4, '0')}`];
      }
    }
    await writeXlsxFile(path, [{ name: 'Many', headers: ['n', 'phone'], rows: rows() }]);
    const table = await readTableFile(path);
    expect(table.rows).toHaveLength(count);
    expect(table.rows[0]?.cells).toEqual(['000000', '+14155550000']);
    expect(table.rows[count - 1]?.cells).toEqual(['019999', '+14155559999']);
  });
});
