import type { ValidatedRow } from '../validation/validate-table';

/** One API call's worth of rows: their source row numbers and payloads, in source order. */
export interface Batch<P> {
  /** 0-based position of the batch in the plan. */
  index: number;
  items: { row: number; payload: P }[];
}

/**
 * Cuts the valid rows of a validated sheet into batches of at most `batchSize`.
 *
 * Rows without a payload (invalid) are left out; order is the source order, so batch N of a
 * re-planned sheet holds the same rows as before, which the run journal relies on to resume.
 */
export function planBatches<P>(rows: readonly ValidatedRow<P>[], batchSize: number): Batch<P>[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const batches: Batch<P>[] = [];
  let current: Batch<P> | undefined;
  for (const row of rows) {
    if (row.payload === undefined) {
      continue;
    }
    if (!current || current.items.length === batchSize) {
      current = { index: batches.length, items: [] };
      batches.push(current);
    }
    current.items.push({ row: row.row, payload: row.payload });
  }
  return batches;
}
