import { describe, expect, it } from 'vitest';
import { ClaimTable } from '../../../../shared/validation/claim-table';
import { random } from './random-users';

describe('ClaimTable', () => {
  it('knows every claimer of each key, ascending, through adds, removes and growing', () => {
    const rnd = random(11);
    const table = new ClaimTable();
    const expected = new Map<number, Set<number>>();
    // Few distinct hashes among many keys: repeats, keys emptied and claimed again, rehashes.
    for (let step = 0; step < 40_000; step++) {
      const key = Math.floor(rnd() * (step < 20_000 ? 5_000 : 300));
      const row = Math.floor(rnd() * 50);
      const rows = expected.get(key) ?? new Set<number>();
      expected.set(key, rows);
      if (rnd() < 0.6) {
        table.add(key, key ^ 0x5bd1e995, row);
        rows.add(row);
      } else {
        table.remove(key, key ^ 0x5bd1e995, row);
        rows.delete(row);
      }
    }
    for (const [key, rows] of expected) {
      const sorted = [...rows].sort((a, b) => a - b);
      expect(table.claimers(key, key ^ 0x5bd1e995), `key ${key}`).toEqual(sorted);
      expect(table.first(key, key ^ 0x5bd1e995)).toBe(sorted[0] ?? -1);
    }
    expect(table.first(123_456, 7)).toBe(-1);
  });
});
