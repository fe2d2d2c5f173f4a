/**
 * BAD-INPUTS.md cases 12-17: each fixture read by the streaming reader (whole and in tiny
 * chunks) and by the full reader, checked against the behaviour the catalogue asks for.
 */
import { describe, expect, it } from 'vitest';
import { cellsOf, issueLines, messageOf, xlsxFixture, XLSX_READERS } from './xlsx-readers';

describe.each(XLSX_READERS)('%s', (_name, read) => {
  describe('case 12: dates', () => {
    it('reads serial 45306 as 2024-01-15 whatever the display format, with the time when the format shows one', async () => {
      const table = await read(xlsxFixture('c12-dates-1900.xlsx'), 'dates.xlsx');
      expect(table.headers).toEqual(['Work Email', 'Start Date']);
      expect(cellsOf(table, 2)).toEqual(['a@example.com', '2024-01-15']);
      expect(cellsOf(table, 3)).toEqual(['b@example.com', '2024-01-15']);
      expect(cellsOf(table, 4)).toEqual(['c@example.com', '2024-01-15T12:00']);
      expect(cellsOf(table, 8)).toEqual(['g@example.com', '18:00']);
      expect(cellsOf(table, 10)).toEqual(['i@example.com', '2024-01-01']);
      expect(cellsOf(table, 12)).toEqual(['k@example.com', '2024-01-15']);
    });

    it('reads the days around the fictitious 1900-02-29 right and makes serial 60 a row error', async () => {
      const table = await read(xlsxFixture('c12-dates-1900.xlsx'), 'dates.xlsx');
      expect(cellsOf(table, 6)?.[1]).toBe('1900-02-28');
      expect(cellsOf(table, 7)?.[1]).toBe('1900-03-01');
      expect(cellsOf(table, 5)?.[1]).toBe('1900-02-29');
      expect(issueLines(table)).toEqual([
        '5 Start Date XLSX_INVALID_DATE',
        '11 Start Date XLSX_INVALID_DATE',
      ]);
      expect(messageOf(table, 5, 'XLSX_INVALID_DATE')).toMatch(
        /^Start Date: .*1900-02-29, a day that never existed/,
      );
      expect(table.issues.every((issue) => issue.severity === 'error')).toBe(true);
    });

    it('keeps a number in a General cell a number, not a date', async () => {
      const table = await read(xlsxFixture('c12-dates-1900.xlsx'), 'dates.xlsx');
      expect(cellsOf(table, 9)).toEqual(['h@example.com', '45306']);
    });

    it('reads the same day from a 1904 workbook, where serial 60 is an ordinary day', async () => {
      const table = await read(xlsxFixture('c12-dates-1904.xlsx'), 'mac.xlsx');
      expect(table.rows.map((row) => row.cells[1])).toEqual([
        '2024-01-15',
        '1904-01-01',
        '1904-03-01',
        '2024-01-15T06:00',
      ]);
      expect(table.issues).toEqual([]);
    });

    it('gives the same dates in any timezone', async () => {
      const before = process.env.TZ;
      try {
        const seen = new Set<string>();
        for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
          process.env.TZ = zone;
          const table = await read(xlsxFixture('c12-dates-1900.xlsx'), 'dates.xlsx');
          seen.add(JSON.stringify(table.rows));
        }
        expect(seen.size).toBe(1);
      } finally {
        process.env.TZ = before;
      }
    });
  });

  describe('case 13: numbers in text columns', () => {
    it('renders each number with its format as Excel shows it, never with an exponent or separators', async () => {
      const table = await read(xlsxFixture('c13-numbers-in-text-columns.xlsx'), 'numbers.xlsx');
      expect(cellsOf(table, 2)).toEqual([
        'ann@example.com',
        '0100',
        '14155550100',
        '14155550101',
        '1234',
        '(415) 555-0100',
        '+14155550102',
      ]);
      expect(cellsOf(table, 3)?.slice(0, 3)).toEqual(['bob@example.com', '2001', '14155550103']);
    });

    it('warns when the format changed the digits, naming the number, what Excel shows and what was read', async () => {
      const table = await read(xlsxFixture('c13-numbers-in-text-columns.xlsx'), 'numbers.xlsx');
      expect(messageOf(table, 2, 'XLSX_NUMBER_AS_TEXT')).toBe(
        "Ext: the cell holds a number (100) shown as 0100; it was read as text '0100'",
      );
      expect(table.issues.find((i) => i.row === 3 && i.column === 'Direct Dial')?.message).toBe(
        "Direct Dial: the cell holds a number (14155550103) shown as 1.42E+10; it was read as text '14155550103'",
      );
      expect(
        table.issues.find((i) => i.row === 2 && i.column === 'Employee ID')?.message,
      ).toContain("shown as 1,234; it was read as text '1234'");
      const plain = table.issues.filter(
        (i) => i.row === 2 && ['Direct Dial', 'Mobile'].includes(i.column ?? ''),
      );
      expect(plain).toEqual([]);
    });

    it('blocks the row when the shown number is not the stored one, or has lost digits', async () => {
      const table = await read(xlsxFixture('c13-numbers-in-text-columns.xlsx'), 'numbers.xlsx');
      const errors = table.issues.filter((issue) => issue.severity === 'error');
      expect(errors.map((issue) => `${issue.row} ${issue.column}`)).toEqual([
        '3 Mobile',
        '3 Employee ID',
      ]);
      expect(errors[0]?.message).toBe(
        'Mobile: the cell holds the number 100.5 but Excel shows 101; retype it as text so it is clear which is meant',
      );
      expect(errors[1]?.message).toContain('longer than the 15 digits Excel keeps');
    });
  });

  describe('case 14: formulas', () => {
    it('uses the saved result of every type, with a warning naming the formula; nothing is calculated', async () => {
      const table = await read(xlsxFixture('c14-formulas.xlsx'), 'formulas.xlsx');
      expect(cellsOf(table, 2)).toEqual([
        'Ann',
        'Lee',
        'ann@x.com',
        '1002',
        'TRUE',
        '#N/A',
        'Ann Lee',
      ]);
      expect(messageOf(table, 2, 'XLSX_FORMULA_CACHED')).toBe(
        'Work Email: formula =LOWER(A2)&"@x.com" — its last calculated value was used',
      );
      expect(
        table.issues.every((i) => i.code !== 'XLSX_FORMULA_CACHED' || i.severity === 'warning'),
      ).toBe(true);
    });

    it('names a shared formula as it reads in its own cell', async () => {
      const table = await read(xlsxFixture('c14-formulas.xlsx'), 'formulas.xlsx');
      expect(cellsOf(table, 3)?.[2]).toBe('bob@x.com');
      expect(messageOf(table, 3, 'XLSX_FORMULA_CACHED')).toBe(
        'Work Email: formula =LOWER(A3)&"@x.com" — its last calculated value was used',
      );
    });

    it('makes a formula with no saved result, or an error result, a row error', async () => {
      const table = await read(xlsxFixture('c14-formulas.xlsx'), 'formulas.xlsx');
      expect(cellsOf(table, 3)?.[5]).toBe('');
      expect(table.issues.find((i) => i.row === 3 && i.column === 'Manager')?.message).toMatch(
        /^Manager: formula =A3&B3 has no saved result, and batchline never calculates formulas/,
      );
      expect(messageOf(table, 2, 'XLSX_ERROR_VALUE')).toBe(
        'F2: #N/A — formula =VLOOKUP(A2,Staff!A:B,2,FALSE) gives an Excel error, not a value',
      );
      const errors = table.issues.filter((issue) => issue.severity === 'error');
      expect(errors.map((issue) => `${issue.row} ${issue.column} ${issue.code}`)).toEqual(
        _name.startsWith('full')
          ? // exceljs drops a saved result that is falsy (FALSE, ""), so E3 and G3 look unsaved.
            [
              '2 Manager XLSX_ERROR_VALUE',
              '3 Active XLSX_FORMULA_NO_RESULT',
              '3 Manager XLSX_FORMULA_NO_RESULT',
              '3 Display Name XLSX_FORMULA_NO_RESULT',
            ]
          : ['2 Manager XLSX_ERROR_VALUE', '3 Manager XLSX_FORMULA_NO_RESULT'],
      );
    });
  });

  describe('case 15: merged cells', () => {
    it('keeps the value in the top-left cell only and lists each merged range in a warning', async () => {
      const table = await read(xlsxFixture('c15-merged-cells.xlsx'), 'merged.xlsx');
      expect(table.headerRow).toBe(2);
      expect(table.rows.map((row) => row.cells)).toEqual([
        ['ann@example.com', 'Ann', 'Lee', 'Sales', 'London'],
        ['bob@example.com', 'Bob', 'Ray', '', 'London'],
        ['cy@example.com', 'Cy', 'Doe', '', 'Paris'],
        ['dee@example.com', 'Dee Smith', '', 'Support', 'Paris'],
      ]);
      expect(
        table.issues.map((issue) => [issue.row, issue.column, issue.severity, issue.message]),
      ).toEqual([
        [
          3,
          'Department',
          'warning',
          'Cells D3:D5 are merged: the value is read in D3 only, and the other merged cells as empty',
        ],
        [
          6,
          'Given Name',
          'warning',
          'Cells B6:C6 are merged: the value is read in B6 only, and the other merged cells as empty',
        ],
      ]);
    });
  });

  describe('case 16: hidden sheets and rows', () => {
    it('reads the first visible sheet, skipping hidden and very hidden ones', async () => {
      const table = await read(xlsxFixture('c16-hidden-sheets-and-rows.xlsx'), 'hidden.xlsx');
      expect(table.sheet).toBe('Users');
      expect(table.rows).toHaveLength(5);
    });

    it('imports hidden rows and warns about each', async () => {
      const table = await read(xlsxFixture('c16-hidden-sheets-and-rows.xlsx'), 'hidden.xlsx');
      expect(cellsOf(table, 4)).toEqual(['cy@example.com', 'Cy', '1003']);
      expect(
        table.issues.map((issue) => [issue.row, issue.column, issue.severity, issue.message]),
      ).toEqual([
        [4, null, 'warning', 'Row 4 is hidden in Excel; it was imported like the other rows'],
        [5, null, 'warning', 'Row 5 is hidden in Excel; it was imported like the other rows'],
      ]);
    });

    it('reads a hidden sheet when it is named', async () => {
      const table = await read(xlsxFixture('c16-hidden-sheets-and-rows.xlsx'), 'hidden.xlsx', {
        sheet: 'old users',
      });
      expect(table).toMatchObject({
        sheet: 'Old Users',
        rows: [{ row: 2, cells: ['old@example.com'] }],
      });
    });
  });

  describe('case 17: rich text, hyperlinks and error values', () => {
    it('gives rich text as plain text and a hyperlink as the text it shows', async () => {
      const table = await read(xlsxFixture('c17-rich-text-hyperlinks-errors.xlsx'), 'rich.xlsx');
      expect(cellsOf(table, 2)?.slice(0, 3)).toEqual([
        'ann@example.com',
        'Ann',
        'Ann on the intranet',
      ]);
      expect(cellsOf(table, 3)?.slice(0, 3)).toEqual(['bob@example.com', 'Bob', 'bob@example.com']);
    });

    it('makes each error value a row error naming its cell', async () => {
      const table = await read(xlsxFixture('c17-rich-text-hyperlinks-errors.xlsx'), 'rich.xlsx');
      expect(
        table.issues.map((issue) => [issue.row, issue.column, issue.severity, issue.message]),
      ).toEqual([
        [2, 'Manager Phone', 'error', 'D2: #N/A — the cell shows an Excel error, not a value'],
        [3, 'Cost Center', 'error', 'E3: #REF! — the cell shows an Excel error, not a value'],
        [4, 'Manager Phone', 'error', 'D4: #VALUE! — the cell shows an Excel error, not a value'],
      ]);
    });

    it('reads inline rich runs, entities and prefixed XML, and leaves out phonetic guides', async () => {
      const bytes = xlsxFixture('c17-inline-rich-and-phonetic-strings.xlsx');
      if (_name.startsWith('full')) {
        // exceljs cannot read a sheet written with a namespace prefix (<x:worksheet>) at all.
        await expect(read(bytes, 'inline.xlsx')).rejects.toThrow();
        return;
      }
      const table = await read(bytes, 'inline.xlsx');
      expect(table.headers).toEqual(['Work Email', 'Given Name', 'Note']);
      expect(cellsOf(table, 2)?.slice(0, 2)).toEqual(['ann@example.com', '山田']);
      expect(cellsOf(table, 4)).toEqual(['  bob@example.com ', '', 'R&D <EMEA> © 中']);
      expect(table.skippedEmpty).toBe(1);
    });

    it("decodes Excel's _x000D_ escapes in text", async () => {
      const bytes = xlsxFixture('c17-inline-rich-and-phonetic-strings.xlsx');
      if (_name.startsWith('full')) {
        // The reference reader (exceljs in memory) cannot open this prefixed sheet at all.
        await expect(read(bytes, 'inline.xlsx')).rejects.toThrow();
        return;
      }
      const table = await read(bytes, 'inline.xlsx');
      expect(cellsOf(table, 2)?.[2]).toBe('line one\r\nline two _x000D_');
    });
  });
});
