import { describe, expect, it } from 'vitest';
import {
  cellTransform,
  ColumnOp,
  transformColumn,
} from '../../../../shared/edits/column-transforms';

const replace = (find: string, replaceWith: string, options: Partial<ColumnOp> = {}) =>
  ({
    kind: 'replace',
    find,
    replace: replaceWith,
    matchCase: false,
    wholeCell: false,
    ...options,
  }) as ColumnOp;

describe('column transforms', () => {
  it('find and replace changes every occurrence, in any case unless told to match it', () => {
    const values = ['Main Office', 'main office annex', 'Remote', 'MAIN'];
    expect(transformColumn(values, replace('main', 'Head')).changes).toEqual([
      { position: 0, value: 'Head Office' },
      { position: 1, value: 'Head office annex' },
      { position: 3, value: 'Head' },
    ]);
    expect(transformColumn(values, replace('main', 'Head', { matchCase: true })).changes).toEqual([
      { position: 1, value: 'Head office annex' },
    ]);
  });

  it('whole-cell replace leaves cells that only contain the text', () => {
    const result = transformColumn(
      ['bob@', 'bob@example.com', 'BOB@'],
      replace('bob@', 'bob.marsh@example.com', { wholeCell: true }),
    );
    expect(result.changes).toEqual([
      { position: 0, value: 'bob.marsh@example.com' },
      { position: 2, value: 'bob.marsh@example.com' },
    ]);
  });

  it('treats the find text and the replacement literally, regex characters and $ included', () => {
    const apply = cellTransform(replace('(415)', '$& +1'));
    expect(apply('(415) 555-0100').value).toBe('$& +1 555-0100');
    expect(cellTransform(replace('.', '-'))('a.b.c').value).toBe('a-b-c');
  });

  it('trims whitespace at both ends, no-break spaces included, and counts only real changes', () => {
    const result = transformColumn([' Ava ', 'Ben', '\u00a0Chloé\t', ''], { kind: 'trim' });
    expect(result.changes).toEqual([
      { position: 0, value: 'Ava' },
      { position: 2, value: 'Chloé' },
    ]);
  });

  it('fills empty cells only, or every cell', () => {
    const values = ['', 'Remote', '  '];
    const plan = 'US/CA Unlimited Calling';
    expect(transformColumn(values, { kind: 'fill', value: plan, which: 'empty' }).changes).toEqual([
      { position: 0, value: plan },
      { position: 2, value: plan },
    ]);
    expect(
      transformColumn(values, { kind: 'fill', value: plan, which: 'all' }).changes,
    ).toHaveLength(3);
  });

  it('normalises phone numbers to E.164 in the default country and leaves uncertain ones, counted', () => {
    const values = ['(415) 555-0100', '+14155550101', '1.4155E+10', '', 'call me'];
    const result = transformColumn(values, { kind: 'e164' }, 'US');
    expect(result.changes).toEqual([{ position: 0, value: '+14155550100' }]);
    expect(result.left).toBe(2);
  });

  it('restores a number Excel wrote in scientific notation with every digit kept', () => {
    expect(cellTransform({ kind: 'e164' }, 'US')('1.4155552671E+10')).toEqual({
      value: '+14155552671',
    });
  });

  it('normalises each number of a list cell, or leaves the whole cell when one cannot be', () => {
    const apply = cellTransform({ kind: 'e164' }, 'US');
    expect(apply('(415) 555-0100; 415.555.0101')).toEqual({ value: '+14155550100; +14155550101' });
    expect(apply('(415) 555-0100; 12')).toEqual({ value: '(415) 555-0100; 12', left: true });
  });

  it('without a default country leaves national numbers alone', () => {
    expect(transformColumn(['(415) 555-0100'], { kind: 'e164' })).toEqual({ changes: [], left: 1 });
  });

  it('refuses an empty find text', () => {
    expect(ColumnOp.safeParse(replace('', 'x')).success).toBe(false);
  });
});
