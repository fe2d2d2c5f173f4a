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
 * With `groupOf`, only rows of one group share a batch (one Webex workspace per PUT, creates
 * apart from updates); each group fills its own open batch, and batches are numbered in the
 * order they were opened.
 */
export function planBatches<P>(
  rows: readonly ValidatedRow<P>[],
  batchSize: number,
  groupOf?: (row: number, payload: P) => string,
): Batch<P>[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const batches: Batch<P>[] = [];
  const open = new Map<string, Batch<P>>();
  for (const row of rows) {
    if (row.payload === undefined) {
      continue;
    }
    const group = groupOf ? groupOf(row.row, row.payload) : '';
    let current = open.get(group);
    if (!current || current.items.length === batchSize) {
      current = { index: batches.length, items: [] };
      batches.push(current);
      open.set(group, current);
    }
    current.items.push({ row: row.row, payload: row.payload });
  }
  return batches;
}
