import { describe, expect, it } from 'vitest';
import type { SourceTable } from '../../../../shared/table/source-table';
import { TableEdits } from '../../../../main/app/table-edits';
import { PackedRow } from '../../../../main/services/pipeline/packed-row';

function table(): SourceTable {
  return {
    fileName: 'staff.csv',
    format: 'csv',
    headerRow: 1,
    headers: ['email', 'phone'],
    rows: [
      { row: 2, cells: ['a@x.com', '+14155550100'] },
      { row: 4, cells: ['b@x', ''] },
    ],
    issues: [],
    skippedEmpty: 1,
  };
}

describe('TableEdits', () => {
  it('changes the cell in the table and lists it with the value the file had', () => {
    const source = table();
    const edits = new TableEdits(source);
    expect(edits.apply([{ row: 4, column: 'email', value: 'b@x.com' }])).toBe(1);
    expect(source.rows[1]!.cells).toEqual(['b@x.com', '']);
    expect(edits.list()).toEqual([{ row: 4, column: 'email', from: 'b@x', to: 'b@x.com' }]);
    expect(edits.isEdited(1, 0)).toBe(true);
  });

  it('keeps the first original across edits and forgets an edit back to it', () => {
    const source = table();
    const edits = new TableEdits(source);
    edits.apply([{ row: 2, column: 'phone', value: '1' }]);
    edits.apply([{ row: 2, column: 'phone', value: '2' }]);
    expect(edits.list()).toEqual([{ row: 2, column: 'phone', from: '+14155550100', to: '2' }]);
    edits.apply([{ row: 2, column: 'phone', value: '+14155550100' }]);
    expect(edits.list()).toEqual([]);
    expect(edits.count).toBe(0);
  });

  it('refuses an unknown row or column, naming it, and changes nothing', () => {
    const source = table();
    const edits = new TableEdits(source);
    expect(() =>
      edits.apply([
        { row: 2, column: 'email', value: 'c@x.com' },
        { row: 3, column: 'email', value: 'd@x.com' },
      ]),
    ).toThrow(/Row 3 is not a data row of staff\.csv/);
    expect(() => edits.apply([{ row: 2, column: 'mail', value: '' }])).toThrow(
      /Row 2: staff\.csv has no column "mail"/,
    );
    expect(source.rows[0]!.cells[0]).toBe('a@x.com');
    expect(edits.count).toBe(0);
  });

  it('counts only cells whose value changes', () => {
    const edits = new TableEdits(table());
    expect(edits.apply([{ row: 2, column: 'email', value: 'a@x.com' }])).toBe(0);
  });

  it('reverts listed cells to the file value, leaving cells that were not edited', () => {
    const source = table();
    const edits = new TableEdits(source);
    edits.apply([
      { row: 2, column: 'email', value: 'a2@x.com' },
      { row: 4, column: 'phone', value: '+14155550101' },
    ]);
    expect(
      edits.revert([
        { row: 2, column: 'email' },
        { row: 2, column: 'phone' },
      ]),
    ).toBe(1);
    expect(source.rows[0]!.cells).toEqual(['a@x.com', '+14155550100']);
    expect(edits.list()).toEqual([{ row: 4, column: 'phone', from: '', to: '+14155550101' }]);
    expect(() => edits.revert([{ row: 9, column: 'email' }])).toThrow(/Row 9/);
  });

  it('reverts every edited cell when none are listed', () => {
    const source = table();
    const edits = new TableEdits(source);
    edits.apply([
      { row: 2, column: 'email', value: 'a2@x.com' },
      { row: 4, column: 'email', value: 'b@x.com' },
      { row: 4, column: 'phone', value: '+14155550101' },
    ]);
    expect(edits.revert()).toBe(3);
    expect(edits.count).toBe(0);
    expect(source.rows.map((row) => row.cells)).toEqual([
      ['a@x.com', '+14155550100'],
      ['b@x', ''],
    ]);
  });

  it('tells which cells of a row were edited and what they held', () => {
    const edits = new TableEdits(table());
    edits.apply([
      { row: 4, column: 'phone', value: '+14155550101' },
      { row: 4, column: 'email', value: 'b@x.com' },
    ]);
    expect(edits.editsOf(1)).toEqual([
      { column: 0, from: 'b@x' },
      { column: 1, from: '' },
    ]);
    expect(edits.editsOf(0)).toBeUndefined();
  });
});

describe('TableEdits on a streamed table', () => {
  it('keeps an edited row packed, as the streamed reader keeps every row', () => {
    const source = table();
    source.rows = source.rows.map((row) => new PackedRow(row.row, row.cells.join('\u0000')));
    new TableEdits(source).apply([{ row: 4, column: 'email', value: 'b@x.com' }]);
    expect(source.rows[1]).toBeInstanceOf(PackedRow);
    expect(source.rows[1]!.cells).toEqual(['b@x.com', '']);
  });
});
