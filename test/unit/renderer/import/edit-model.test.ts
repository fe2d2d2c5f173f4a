import { describe, expect, it } from 'vitest';
import type { ValidatedRowView } from '../../../../shared/ipc/contract';
import {
  editedCellTitle,
  editedFrom,
  initialToolsForm,
  opOf,
  outcomeText,
} from '../../../../renderer/features/import/review/edit-model';

const row: ValidatedRowView = {
  row: 4,
  cells: ['bob.marsh@example.com', 'Bob', ''],
  issues: [],
  edited: [
    { column: 0, from: 'bob@' },
    { column: 2, from: '' },
  ],
};

describe('the review grid’s editing view-model', () => {
  it('knows which cells were edited and what the file had', () => {
    expect(editedFrom(row, 0)).toBe('bob@');
    expect(editedFrom(row, 1)).toBeUndefined();
    expect(editedFrom({ ...row, edited: undefined }, 0)).toBeUndefined();
  });

  it('puts the file’s value after a cell’s problems or value in its tooltip', () => {
    expect(editedCellTitle([], 'bob.marsh@example.com', 'bob@')).toBe(
      'bob.marsh@example.com\nWas: bob@',
    );
    expect(editedCellTitle(['extension_number must be 2-15 digits'], undefined, '20x6')).toBe(
      'extension_number must be 2-15 digits\nWas: 20x6',
    );
    expect(editedCellTitle([], 'x', '')).toBe('x\nWas: (empty)');
    expect(editedCellTitle([], '', undefined)).toBeUndefined();
  });

  it('builds the column tool from the form, and waits for something to find', () => {
    const form = initialToolsForm('Site');
    expect(opOf(form)).toBeUndefined();
    expect(opOf({ ...form, find: 'Main', replace: 'HQ', wholeCell: true })).toEqual({
      kind: 'replace',
      find: 'Main',
      replace: 'HQ',
      matchCase: false,
      wholeCell: true,
    });
    expect(opOf({ ...form, action: 'fill', fillValue: 'Remote', fillWhich: 'all' })).toEqual({
      kind: 'fill',
      value: 'Remote',
      which: 'all',
    });
    expect(opOf({ ...form, action: 'e164' })).toEqual({ kind: 'e164' });
    expect(opOf({ ...form, action: 'trim' })).toEqual({ kind: 'trim' });
  });

  it('says what a column tool did, with the cells it had to leave', () => {
    expect(outcomeText({ changed: 1, left: 0 }, 'fill')).toBe('1 cell changed.');
    expect(outcomeText({ changed: 0, left: 0 }, 'replace')).toBe('No cells changed.');
    expect(outcomeText({ changed: 3, left: 1 }, 'e164')).toBe(
      '3 cells changed; 1 cell left as it was (not a number batchline can repair with certainty).',
    );
    expect(outcomeText({ changed: 0, left: 2 }, 'e164')).toMatch(
      /^No cells changed; 2 cells left as they were/,
    );
  });
});
