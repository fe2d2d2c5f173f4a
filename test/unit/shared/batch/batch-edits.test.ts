import { describe, expect, it } from 'vitest';
import { batchEditChanges } from '../../../../shared/batch/batch-edits';
import type { SourceTable } from '../../../../shared/table/source-table';

const TABLE: SourceTable = {
  fileName: 'hr.csv',
  format: 'csv',
  headerRow: 1,
  headers: ['Name', 'Work Email'],
  rows: [
    { row: 2, cells: ['Ann', 'ann@example'] },
    { row: 3, cells: ['Bob'] },
  ],
  issues: [],
  skippedEmpty: 0,
};

function refusal(edit: { row: number; column: string; from: string; to: string }): string {
  try {
    batchEditChanges(TABLE, [edit]);
  } catch (caught) {
    const { code, message } = caught as { code: string; message: string };
    return `${code}: ${message}`;
  }
  throw new Error('expected a refusal');
}

describe('redoing a batch’s edits on its source table', () => {
  it('turns edits whose `from` matches the cell into changes (a missing cell reads as empty)', () => {
    expect(
      batchEditChanges(TABLE, [
        { row: 2, column: 'Work Email', from: 'ann@example', to: 'ann@example.com' },
        { row: 3, column: 'Work Email', from: '', to: 'bob@example.com' },
      ]),
    ).toEqual([
      { row: 2, column: 'Work Email', value: 'ann@example.com' },
      { row: 3, column: 'Work Email', value: 'bob@example.com' },
    ]);
  });

  it('refuses an edit whose `from` is not what the cell holds, naming row and column', () => {
    expect(refusal({ row: 2, column: 'Name', from: 'Anne', to: 'Anna' })).toBe(
      'BATCH_INVALID: The batch does not fit its file: its edit of row 2, column "Name" expects "Anne" there, but hr.csv has "Ann". The batch file was changed after it was saved, or is damaged.',
    );
  });

  it('refuses an edit of a row or a column the file does not have', () => {
    expect(refusal({ row: 9, column: 'Name', from: '', to: 'x' })).toContain(
      'it edits row 9, but hr.csv has no data row 9',
    );
    expect(refusal({ row: 2, column: 'Phone', from: '', to: 'x' })).toContain(
      'it edits row 2, column "Phone", but hr.csv has no column "Phone"',
    );
  });
});
