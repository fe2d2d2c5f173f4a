import { describe, expect, it } from 'vitest';
import { planBatches } from '../../../../shared/plan/plan-batches';
import type { ValidatedRow } from '../../../../shared/validation/validate-table';

const rows = (count: number, invalid: number[] = []): ValidatedRow<string>[] =>
  Array.from({ length: count }, (_, i) => {
    const row = i + 2;
    return invalid.includes(row)
      ? { row, cells: [], issues: [] }
      : { row, cells: [], payload: `p${row}`, issues: [] };
  });

describe('planBatches', () => {
  it('cuts 25 valid rows into batches of 10, 10 and 5, in source order', () => {
    const batches = planBatches(rows(25), 10);
    expect(batches.map((b) => [b.index, b.items.length])).toEqual([
      [0, 10],
      [1, 10],
      [2, 5],
    ]);
    expect(batches.flatMap((b) => b.items.map((i) => i.row))).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 2),
    );
    expect(batches[0]?.items[0]).toEqual({ row: 2, payload: 'p2' });
  });

  it('leaves out rows without a payload, so batches hold only valid rows', () => {
    const batches = planBatches(rows(12, [3, 5, 7]), 10);
    expect(batches.map((b) => b.items.map((i) => i.row))).toEqual([
      [2, 4, 6, 8, 9, 10, 11, 12, 13],
    ]);
  });

  it('returns no batch when no row is valid', () => {
    expect(planBatches(rows(3, [2, 3, 4]), 10)).toEqual([]);
  });

  it('refuses a batch size below 1', () => {
    expect(() => planBatches(rows(1), 0)).toThrow(RangeError);
  });
});
