/** The sheet XML as other writers than Excel produce it, and as damaged files hold it. */
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../../../../main/services/files/read-xlsx';
import { sheetXml, tinyXlsx } from '../../../../../fixtures/xlsx/tiny-xlsx';
import { cellsOf, issueLines, xlsxFixture } from './xlsx-readers';

const HEADER =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Work Email</t></is></c><c r="B1" t="inlineStr"><is><t>Note</t></is></c></row>';
const book = (rows: string, extra: { after?: string } = {}): Uint8Array =>
  tinyXlsx({
    sharedStrings: ['<t>shared</t>'],
    cellFormats: ['General', 'yyyy-mm-dd'],
    sheets: [{ name: 'S', rows: HEADER + rows, ...extra }],
  });

describe('the sheet XML scanner', () => {
  it('places rows and cells that have no r attribute after the previous ones', async () => {
    const bytes = book(
      '<row><c t="inlineStr"><is><t>a@example.com</t></is></c><c t="s"><v>0</v></c></row><row><c/><c t="s"><v>0</v></c></row>',
    );
    const table = await readXlsx(bytes, 'no-r.xlsx');
    expect(table.rows).toEqual([
      { row: 2, cells: ['a@example.com', 'shared'] },
      { row: 3, cells: ['', 'shared'] },
    ]);
  });

  it('reads single-quoted attributes and attributes on several lines', async () => {
    const bytes = book(
      `<row r='2'><c r='A2' t='s'><v>0</v></c><c\n  r="B2"\n  t="inlineStr"><is><t>x</t></is></c></row>`,
    );
    expect(cellsOf(await readXlsx(bytes, 'quotes.xlsx'), 2)).toEqual(['shared', 'x']);
  });

  it('reads ISO dates written as text cells (t="d") and formulas holding ">"', async () => {
    const bytes = book(
      '<row r="2"><c r="A2" t="d"><v>2024-01-15T00:00:00Z</v></c><c r="B2" t="str"><f>IF(A2&gt;0,"a",A2>1)</f><v>a</v></c></row>' +
        '<row r="3"><c r="A3" t="d"><v>2024-01-15T09:30:00</v></c></row>',
    );
    const table = await readXlsx(bytes, 'iso.xlsx');
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['2024-01-15', 'a'],
      ['2024-01-15T09:30', ''],
    ]);
    expect(table.issues[0]?.message).toBe(
      'Note: formula =IF(A2>0,"a",A2>1) — its last calculated value was used',
    );
  });

  it('reports content past the header as a ragged row and a missing shared text as damage', async () => {
    const bytes = book(
      '<row r="2"><c r="A2" t="s"><v>7</v></c><c r="C2" t="inlineStr"><is><t>stray</t></is></c></row>',
    );
    const table = await readXlsx(bytes, 'ragged.xlsx', { headerRow: 1 });
    expect(issueLines(table)).toEqual(['2 - RAGGED_ROW', '2 Work Email XLSX_DAMAGED_CELL']);
    expect(table.issues[1]?.message).toBe(
      'A2: the cell points at a shared text the file does not have; the file is damaged',
    );
  });

  it('refuses a row number past Excel’s last row, and a column past XFD', async () => {
    await expect(
      readXlsx(book('<row r="1048577"><c r="A1048577"><v>1</v></c></row>'), 'rows.xlsx'),
    ).rejects.toMatchObject({
      code: 'PARSE_FAILED',
      message: `Cannot read rows.xlsx: sheet "S" has a row number (1048577) outside Excel's 1 to 1048576; the file is damaged`,
    });
    await expect(
      readXlsx(book('<row r="2"><c r="XFE2"><v>1</v></c></row>'), 'cols.xlsx'),
    ).rejects.toMatchObject({
      message: `Cannot read cols.xlsx: sheet "S" has a column (16385) outside Excel's A to XFD; the file is damaged`,
    });
  });

  it('refuses sheet XML that stops in the middle of a cell', async () => {
    const xml = sheetXml({ name: 'S', rows: HEADER }).replace(
      '</sheetData></worksheet>',
      '<row r="2"><c r="A2"><v>1',
    );
    const bytes = tinyXlsx({ sheets: [{ name: 'S', xml }] });
    await expect(readXlsx(bytes, 'cut.xlsx')).rejects.toMatchObject({
      code: 'PARSE_FAILED',
      message:
        'Cannot read cut.xlsx: xl/worksheets/sheet1.xml ends in the middle of an element; the file is damaged',
    });
  });

  it('refuses a cell larger than Excel writes instead of carrying it forever', async () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const bytes = book(`<row r="2"><c r="A2" t="inlineStr"><is><t>${huge}</t></is></c></row>`);
    await expect(readXlsx(bytes, 'big-cell.xlsx')).rejects.toMatchObject({
      message: expect.stringContaining('holds an element larger than Excel writes'),
    });
  });

  it('stops at the last row with a value when styled empty rows run to row 1,048,576', async () => {
    const table = await readXlsx(xlsxFixture('c20-styled-rows-to-excel-limit.xlsx'), 'styled.xlsx');
    expect(table.rows.map((row) => row.row)).toEqual([2, 3, 4]);
    expect(table.skippedEmpty).toBe(0);
    expect(table.issues).toEqual([]);
  });

  it('warns about merged ranges found after the rows, and ignores those above the header', async () => {
    const bytes = book('<row r="2"><c r="A2" t="s"><v>0</v></c></row>', {
      after:
        '<mergeCells count="2"><mergeCell ref="A2:A3"/><mergeCell ref="$B$4:$C$4"/></mergeCells>',
    });
    const table = await readXlsx(bytes, 'merged.xlsx', { headerRow: 1 });
    expect(table.issues.map((issue) => issue.message)).toEqual([
      'Cells A2:A3 are merged: the value is read in A2 only, and the other merged cells as empty',
      'Cells B4:C4 are merged: the value is read in B4 only, and the other merged cells as empty',
    ]);
  });
});
