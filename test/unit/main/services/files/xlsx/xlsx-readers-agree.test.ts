/**
 * The streaming reader gives the same SourceTable however its input is chunked, and the
 * same as the full reader (exceljs in memory) on every fixture exceljs reads correctly.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../../../../main/services/files/read-xlsx';
import { readXlsxWithExceljs } from './exceljs-full-reader';
import { xlsxFixture } from './xlsx-readers';

const READABLE: [file: string, sheet?: string][] = [
  ['c12-dates-1900.xlsx'],
  ['c12-dates-1904.xlsx'],
  ['c13-numbers-in-text-columns.xlsx'],
  ['c14-formulas.xlsx'],
  ['c15-merged-cells.xlsx'],
  ['c16-hidden-sheets-and-rows.xlsx'],
  ['c16-hidden-sheets-and-rows.xlsx', 'Old Users'],
  ['c16-hidden-sheets-and-rows.xlsx', 'Lookups'],
  ['c16-hidden-sheets-and-rows.xlsx', 'Notes'],
  ['c17-rich-text-hyperlinks-errors.xlsx'],
  ['c17-inline-rich-and-phonetic-strings.xlsx'],
  ['c20-styled-rows-to-excel-limit.xlsx'],
  ['c21-header-only.xlsx'],
];

/** Where exceljs itself is wrong, so the full reader cannot be the reference. */
const EXCELJS_WRONG: Record<string, string> = {
  'c14-formulas.xlsx': 'drops saved results that are falsy (FALSE, an empty text)',
  'c17-inline-rich-and-phonetic-strings.xlsx': 'cannot read a sheet with a namespace prefix',
};

describe('the XLSX readers agree', () => {
  it.each(READABLE)(
    '%s %s: streamed whole or in 64-byte chunks, the table is the same',
    async (file, sheet) => {
      const bytes = xlsxFixture(file);
      const whole = await readXlsx(bytes, file, { sheet });
      expect(await readXlsx(bytes, file, { sheet, chunkSize: 64 })).toEqual(whole);
      expect(await readXlsx(bytes, file, { sheet, chunkSize: 1000 })).toEqual(whole);
    },
  );

  it.each(READABLE.filter(([file]) => !(file in EXCELJS_WRONG)))(
    '%s %s: the full reader gives the same table as the streaming reader',
    async (file, sheet) => {
      const bytes = xlsxFixture(file);
      expect(await readXlsxWithExceljs(bytes, file, { sheet })).toEqual(
        await readXlsx(bytes, file, { sheet }),
      );
    },
  );

  it('agree on a 2,000-row workbook with shared strings, numbers, dates, formulas and gaps', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Users');
    sheet.addRow(['Report of 2024-01-31']);
    sheet.addRow([]);
    sheet.addRow([
      'Work Email',
      'Given Name',
      'Ext',
      'Direct Dial',
      'Start Date',
      'Display',
      'Note',
    ]);
    for (let i = 0; i < 2000; i++) {
      const r = sheet.addRow([
        `user${i}@example.com`,
        ['José', 'Zoë', '陈', 'Łukasz'][i % 4],
        1000 + i,
        14155550000 + i,
        new Date(Date.UTC(2024, 0, 1 + (i % 400), i % 3 === 0 ? 9 : 0)),
        { formula: `B${i + 4}&" "&C${i + 4}`, result: `name ${i}` },
        i % 50 === 0 ? 'multi\nline, "quoted"' : undefined,
      ]);
      r.getCell(3).numFmt = '00000';
      r.getCell(5).numFmt = i % 3 === 0 ? 'yyyy-mm-dd hh:mm' : 'dd/mm/yyyy';
      if (i % 500 === 0) {
        sheet.addRow([]);
      }
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const streamed = await readXlsx(bytes, 'users.xlsx');
    expect(streamed.headerRow).toBe(3);
    expect(streamed.rows).toHaveLength(2000);
    expect(streamed.skippedEmpty).toBe(4);
    expect(streamed.rows[0]?.cells.slice(0, 5)).toEqual([
      'user0@example.com',
      'José',
      '01000',
      '14155550000',
      '2024-01-01T09:00',
    ]);
    expect(await readXlsxWithExceljs(bytes, 'users.xlsx')).toEqual(streamed);
    expect(await readXlsx(bytes, 'users.xlsx', { chunkSize: 64 })).toEqual(streamed);
  });
});
