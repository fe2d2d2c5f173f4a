/**
 * Big workbooks through the real file path: a sheet styled down to Excel's last row, and a
 * 100,000-row export written by exceljs's streaming writer (as bench/xlsx-read.ts does).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTableFile } from '../../../main/services/files/read-table-file';
import { listXlsxSheets, readXlsx } from '../../../main/services/files/read-xlsx';
import { tinyXlsx } from '../../fixtures/xlsx/tiny-xlsx';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batchline-xlsx-large-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('large XLSX files', () => {
  it('reads three rows from a sheet whose styled empty rows run to row 1,048,576, in bounded memory', async () => {
    const rows: string[] = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Work Email</t></is></c></row>',
      '<row r="2"><c r="A2" t="inlineStr"><is><t>a@example.com</t></is></c></row>',
      '<row r="3"><c r="A3" t="inlineStr"><is><t>b@example.com</t></is></c></row>',
    ];
    for (let r = 4; r <= 1_048_576; r++) {
      rows.push(`<row r="${r}" s="1" customFormat="1"><c r="A${r}" s="1"/></row>`);
    }
    const bytes = tinyXlsx({
      cellFormats: ['General', '@'],
      sheets: [{ name: 'Users', before: '<dimension ref="A1:L1048576"/>', rows: rows.join('') }],
    });
    rows.length = 0;
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const table = await readXlsx(bytes, 'styled.xlsx');
    expect(table.rows).toEqual([
      { row: 2, cells: ['a@example.com'] },
      { row: 3, cells: ['b@example.com'] },
    ]);
    expect(table.skippedEmpty).toBe(0);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    expect(await listXlsxSheets(bytes, 'styled.xlsx')).toEqual([
      { name: 'Users', state: 'visible', rowCountEstimate: 1_048_576 },
    ]);
  });

  it('reads a 100,000-row export from disk with every cell as Excel shows it', async () => {
    const path = join(dir, 'users-100k.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
    const sheet = writer.addWorksheet('Users');
    sheet.addRow(['Work Email', 'Given Name', 'Ext', 'Direct Dial', 'Start Date']).commit();
    for (let i = 0; i < 100_000; i++) {
      const row = sheet.addRow([
        `user${i}@example.com`,
        ['José', '陈', 'Zoë'][i % 3],
        1000 + (i % 9000),
        `+1415555${String(i % 10000).padStart(4, '0')}`,
        new Date(Date.UTC(2024, 0, 1 + (i % 366))),
      ]);
      row.getCell(5).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    sheet.commit();
    await writer.commit();
    expect((await stat(path)).size).toBeGreaterThan(1024 * 1024);
    const table = await readTableFile(path);
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[0]).toEqual({
      row: 2,
      cells: ['user0@example.com', 'José', '1000', '+14155550000', '2024-01-01'],
    });
    expect(table.rows[99_999]).toEqual({
      row: 100_001,
      cells: ['user99999@example.com', 'José', '1999', '+14155559999', '2024-03-22'],
    });
    expect(table.issues).toEqual([]);
  });
});
