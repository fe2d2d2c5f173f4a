import type { RowIssue } from '../table/row-issue';
import type { SourceTable } from '../table/source-table';
import { ClaimTable } from './claim-table';
import { duplicateIssue, scopePrefix } from './find-duplicates';
import { hashKey } from './key-index';
import type { UniqueCheck } from './validate-chunk';

/** One unique value of a row: its check (index), its key's hash pair, the text as split. */
export interface RowKey {
  check: number;
  a: number;
  b: number;
  value: string;
}

/** Rows indexed between two pauses of {@link buildDuplicateIndex}. */
const ROWS_PER_SLICE = 8192;

/**
 * Who claims each unique value of a table, kept up to date as rows are edited, so an edit
 * finds the duplicates it makes or ends without reading every row again (findDuplicates
 * takes 0.4-1 s on 100k Zoom users: phone numbers are parsed to be compared).
 *
 * Keys are compared by their 64-bit hash, as the worker pipeline's duplicate check does (a
 * false match has probability ~n²/2⁶⁵); everything else follows findDuplicates: the first
 * row with a value keeps it, and every later occurrence is an error naming that row.
 */
export class DuplicateIndex {
  private readonly tables: ClaimTable[];
  private readonly pair = new Int32Array(2);

  constructor(private readonly checks: readonly UniqueCheck[]) {
    this.tables = checks.map(() => new ClaimTable());
  }

  /** A row's unique values, in field order and then split order, as findDuplicates reads them. */
  keysOf(cells: readonly string[]): RowKey[] {
    const keys: RowKey[] = [];
    for (let check = 0; check < this.checks.length; check++) {
      const { unique, column, scope } = this.checks[check]!;
      const raw = cells[column.index]?.trim();
      if (!raw) {
        continue;
      }
      const prefix = scopePrefix(scope, cells);
      for (const value of unique.split ? unique.split(raw) : [raw]) {
        const normalised = unique.normalise(value);
        if (normalised !== '') {
          hashKey(prefix + normalised, this.pair, 0);
          keys.push({ check, a: this.pair[0]!, b: this.pair[1]!, value });
        }
      }
    }
    return keys;
  }

  add(index: number, keys: readonly RowKey[]): void {
    for (const { check, a, b } of keys) {
      this.tables[check]!.add(a, b, index);
    }
  }

  remove(index: number, keys: readonly RowKey[]): void {
    for (const { check, a, b } of keys) {
      this.tables[check]!.remove(a, b, index);
    }
  }

  /** The lowest row index holding the key, or -1. */
  first({ check, a, b }: RowKey): number {
    return this.tables[check]!.first(a, b);
  }

  /** Every row index holding the key, ascending. */
  claimers({ check, a, b }: RowKey): readonly number[] {
    return this.tables[check]!.claimers(a, b);
  }

  /** The duplicate errors of row index `index` (row number `row`), from its keys. */
  issuesOf(
    index: number,
    row: number,
    keys: readonly RowKey[],
    rowNumberOf: (index: number) => number,
  ): RowIssue[] {
    const issues: RowIssue[] = [];
    for (const key of keys) {
      const first = this.first(key);
      if (first !== index) {
        const { unique, column } = this.checks[key.check]!;
        issues.push(duplicateIssue(row, column, unique, key.value, rowNumberOf(first)));
      }
    }
    return issues;
  }
}

/**
 * Indexes the unique values of every readable row in row order, so first claims are those
 * of findDuplicates, and counts each row's duplicate errors (rows without are absent).
 * `pause` is awaited between slices, so a caller can keep its thread answering meanwhile.
 */
export async function buildDuplicateIndex(
  table: SourceTable,
  checks: readonly UniqueCheck[],
  readable: (index: number) => boolean,
  pause?: () => Promise<void>,
): Promise<{ index: DuplicateIndex; duplicates: Map<number, number> }> {
  const index = new DuplicateIndex(checks);
  const duplicates = new Map<number, number>();
  for (let r = 0; r < table.rows.length; r++) {
    if (pause && r > 0 && r % ROWS_PER_SLICE === 0) {
      await pause();
    }
    if (!readable(r) || checks.length === 0) {
      continue;
    }
    const keys = index.keysOf(table.rows[r]!.cells);
    index.add(r, keys);
    // Rows come in order, so a key's first claimer is final once its row is added.
    const repeats = keys.filter((key) => index.first(key) !== r).length;
    if (repeats > 0) {
      duplicates.set(r, repeats);
    }
  }
  return { index, duplicates };
}
