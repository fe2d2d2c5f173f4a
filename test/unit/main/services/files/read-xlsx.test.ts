import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTableBytes } from '../../../../../main/services/files/read-table-file';
import { zipDeclaring } from './zip-bytes';

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const usersSheet = (workbook: ExcelJS.Workbook): ExcelJS.Worksheet => {
  const sheet = workbook.addWorksheet('Users');
  sheet.addRow(['email', 'extension_number', 'phone_numbers', 'start_date', 'note']);
  sheet.addRow([
    'alice@example.com',
    100,
    14155550100,
    new Date(Date.UTC(2024, 0, 15)),
    { richText: [{ text: 'Rich ' }, { text: 'text' }] },
  ]);
  sheet.getCell('B2').numFmt = '0000';
  sheet.addRow([]);
  sheet.addRow([
    'bob@example.com',
    101,
    { formula: '14155550000+101', result: 14155550101 },
    true,
    { text: 'Link text', hyperlink: 'https://example.com' },
  ]);
  return sheet;
};

describe('reading .xlsx', () => {
  it('reads the first visible sheet as text the way Excel shows it', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Secret', { state: 'hidden' }).addRow(['hidden']);
      usersSheet(wb);
    });
    const table = await readTableBytes(bytes, 'users.xlsx');
    expect(table).toMatchObject({
      format: 'xlsx',
      sheet: 'Users',
      headerRow: 1,
      skippedEmpty: 1,
    });
    expect(table.issues.map((issue) => `${issue.row} ${issue.column} ${issue.code}`)).toEqual([
      '2 extension_number XLSX_NUMBER_AS_TEXT',
      '4 phone_numbers XLSX_FORMULA_CACHED',
    ]);
    expect(table.headers).toEqual([
      'email',
      'extension_number',
      'phone_numbers',
      'start_date',
      'note',
    ]);
    expect(table.rows).toEqual([
      { row: 2, cells: ['alice@example.com', '0100', '14155550100', '2024-01-15', 'Rich text'] },
      { row: 4, cells: ['bob@example.com', '101', '14155550101', 'TRUE', 'Link text'] },
    ]);
  });

  it('reads a hidden sheet when it is named, case-insensitively', async () => {
    const bytes = await workbookBytes((wb) => {
      usersSheet(wb);
      wb.addWorksheet('Secret', { state: 'hidden' }).addRow(['email']).commit?.();
      wb.getWorksheet('Secret')?.addRow(['x@example.com']);
    });
    const table = await readTableBytes(bytes, 'users.xlsx', { sheet: 'secret' });
    expect(table.sheet).toBe('Secret');
    expect(table.rows).toEqual([{ row: 2, cells: ['x@example.com'] }]);
  });

  it('names the sheets there are when the one asked for is missing', async () => {
    const bytes = await workbookBytes((wb) => {
      usersSheet(wb);
      wb.addWorksheet('Old', { state: 'hidden' });
    });
    await expect(readTableBytes(bytes, 'users.xlsx', { sheet: 'Staff' })).rejects.toMatchObject({
      code: 'USAGE',
      message: 'No sheet "Staff" in users.xlsx; sheets: Users, Old (hidden)',
    });
  });

  it('takes the first non-empty row as the header and pads short rows', async () => {
    const bytes = await workbookBytes((wb) => {
      const sheet = wb.addWorksheet('S');
      sheet.getCell('A3').value = 'email';
      sheet.getCell('B3').value = 'name';
      sheet.getCell('A4').value = 'a@example.com';
    });
    const table = await readTableBytes(bytes, 'pad.xlsx');
    expect(table).toMatchObject({
      headerRow: 3,
      headers: ['email', 'name'],
      rows: [{ row: 4, cells: ['a@example.com', ''] }],
    });
  });

  it('makes error cells, formulas without a result and content past the header row errors', async () => {
    const bytes = await workbookBytes((wb) => {
      const sheet = wb.addWorksheet('S');
      sheet.addRow(['email', 'phone']);
      sheet.addRow(['a@example.com', { error: '#N/A' }]);
      sheet.addRow(['b@example.com', { formula: 'A1&"x"' }]);
      sheet.addRow(['c@example.com', '+14155550100', 'stray']);
    });
    const table = await readTableBytes(bytes, 'errors.xlsx', { headerRow: 1 });
    expect(table.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'phone', 'XLSX_ERROR_VALUE'],
      [3, 'phone', 'XLSX_FORMULA_NO_RESULT'],
      [4, null, 'RAGGED_ROW'],
    ]);
    expect(table.issues[0]?.message).toBe('B2: #N/A — the cell shows an Excel error, not a value');
    expect(table.issues[1]?.message).toContain('formula =A1&"x" has no saved result');
  });

  it('refuses a workbook that would inflate like a zip bomb, before inflating it', async () => {
    await expect(
      readTableBytes(zipDeclaring(400 * 1024 * 1024), 'bomb.xlsx'),
    ).rejects.toMatchObject({
      code: 'PARSE_FAILED',
      message:
        'Cannot read bomb.xlsx: it looks like a zip bomb (xl/worksheets/sheet1.xml would expand from 0 bytes to 400 MB, 419430400 times; real workbooks expand at most 100 times)',
    });
  });

  it('refuses a truncated workbook with a one-line message', async () => {
    const bytes = await workbookBytes(usersSheet);
    const error = await readTableBytes(
      bytes.subarray(0, Math.floor(bytes.length / 2)),
      'cut.xlsx',
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PARSE_FAILED' });
    expect((error as Error).message).toMatch(/^Cannot read cut\.xlsx: /);
    expect((error as Error).message).not.toContain('\n');
  });

  it('reads a workbook by its content even when it is named .csv', async () => {
    const table = await readTableBytes(await workbookBytes(usersSheet), 'users.csv');
    expect(table.format).toBe('xlsx');
  });
});
