import { KeyIndex } from './key-index';
import type { ChunkKeys } from './validate-chunk';

/**
 * The first-claim state of a sheet's unique fields: one KeyIndex per field. Keys must be
 * claimed chunk by chunk in row order; each repeat comes back as a hit. Runs wherever the
 * cross-row state lives: the reading thread, or a claims worker when the reading thread is
 * the one to spare (1M rows make 3M+ claims, each a cache miss in a 25 MB table).
 */
export class KeyClaims {
  private readonly indexes: KeyIndex[];
  private readonly sized: boolean[];

  constructor(
    fields: number,
    private expectedRows = 0,
  ) {
    this.indexes = Array.from({ length: fields }, () => new KeyIndex());
    this.sized = this.indexes.map(() => false);
  }

  /**
   * Expects about `rows` rows: each index is sized once, at its first keys, for the share of
   * rows that have one (a MAC column filled on a third of rows gets a third), instead of
   * doubling step by step as they come.
   */
  reserve(rows: number): void {
    this.expectedRows = rows;
  }

  /** The rows expected (0: unknown), for a claims worker to size its own indexes. */
  get expected(): number {
    return this.expectedRows;
  }

  /**
   * Claims a chunk's keys (`rows[owner]` is the row number of task row `owner`). Returns the
   * repeats as quadruples: field, task row, piece of a split cell (-1: not split), first row.
   */
  claim(keys: ChunkKeys, rows: Int32Array): Int32Array {
    const hits: number[] = [];
    let at = 0;
    for (let u = 0; u < this.indexes.length && at < keys.length; u++) {
      const index = this.indexes[u]!;
      const n = keys[at++]!;
      if (!this.sized[u] && n > 0 && this.expectedRows > 0) {
        this.sized[u] = true;
        index.reserve(Math.ceil(((this.expectedRows * n) / Math.max(1, rows.length)) * 1.1));
      }
      for (const end = at + 4 * n; at < end; at += 4) {
        const owner = keys[at + 2]!;
        const row = rows[owner]!;
        const first = index.claim(keys[at]!, keys[at + 1]!, row);
        if (first !== row) {
          hits.push(u, owner, keys[at + 3]!, first);
        }
      }
    }
    return Int32Array.from(hits);
  }
}
