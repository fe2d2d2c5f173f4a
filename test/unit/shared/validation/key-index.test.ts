import { describe, expect, it } from 'vitest';
import { hashKey, KeyIndex } from '../../../../shared/validation/key-index';

const pair = (text: string): [number, number] => {
  const out = new Int32Array(2);
  hashKey(text, out, 0);
  return [out[0]!, out[1]!];
};

describe('KeyIndex', () => {
  it('gives each key to the first row that claims it, across growth', () => {
    const index = new KeyIndex();
    for (let i = 0; i < 50_000; i++) {
      expect(index.claim(...pair(`user${i}@example.com`), i + 2)).toBe(i + 2);
    }
    for (let i = 0; i < 50_000; i += 7) {
      expect(index.claim(...pair(`user${i}@example.com`), 100_000 + i)).toBe(i + 2);
    }
  });

  it('keeps its claims when sized up front', () => {
    const index = new KeyIndex();
    index.claim(...pair('a'), 2);
    index.reserve(1_000_000);
    expect(index.claim(...pair('a'), 9)).toBe(2);
    expect(index.claim(...pair('b'), 9)).toBe(9);
  });

  it('hashes different strings apart and equal strings together', () => {
    expect(pair('Alice@Example.com')).not.toEqual(pair('alice@example.com'));
    expect(pair('1001')).toEqual(pair('1001'));
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      seen.add(pair(String(i)).join(','));
    }
    expect(seen.size).toBe(200_000);
  });
});
