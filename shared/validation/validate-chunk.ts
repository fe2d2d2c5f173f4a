import type { DatasetDef, UniqueField } from '../datasets/dataset';
import type { RowIssue } from '../table/row-issue';
import { hashKey } from './key-index';
import { scopeColumnOf, scopePrefix } from './find-duplicates';
import type { MappedColumn } from './mapped-columns';
import { CELL_SEPARATOR, type ChunkTask } from './packed-rows';
import { createRowCheck } from './row-check';

/** Flag of a checked row: it has an error (no payload). */
export const ROW_ERROR = 1;
/** Flag of a checked row: it passed with warnings. */
export const ROW_WARNING = 2;

/** A unique field that is mapped, with its column: the cross-row checks a sheet gets. */
export interface UniqueCheck {
  unique: UniqueField;
  column: MappedColumn;
  /** The index of the scope's column (see UniqueField.scope); null when unscoped. */
  scope: number | null;
}

/** The unique fields of a dataset that the mapping reads, in the dataset's order. */
export function uniqueChecks(
  dataset: DatasetDef<unknown>,
  columns: readonly MappedColumn[],
): UniqueCheck[] {
  return dataset.uniqueFields.flatMap((unique) => {
    const column = columns.find((c) => c.key === unique.key);
    return column ? [{ unique, column, scope: scopeColumnOf(unique, columns) }] : [];
  });
}

/**
 * The normalised unique values of a chunk, as hash pairs, in one array (one buffer to send,
 * not three per field): for each unique field in {@link uniqueChecks} order, its key count n,
 * then n records of four: hash, hash, task row, piece of a split cell (-1: not split). Keys
 * come in row order within a field.
 */
export type ChunkKeys = Int32Array;

/** What checking a chunk gives back: per-row flags, the issues (if wanted) and unique keys. */
export interface ChunkOutcome {
  /** The task's row numbers, sent back (the task's copy was moved to the worker). */
  rows: Int32Array;
  flags: Uint8Array;
  issues: RowIssue[];
  /** The task row of each issue. */
  issueOwners: Int32Array;
  /** Issues found in the chunk, sent or not (counts stay exact when issues are not sent). */
  issueCount: number;
  keys: ChunkKeys;
}

/**
 * The work a pipeline worker does on a chunk: each row through the dataset's row check
 * (mapping, schema, phone normalisation, warnings) and its unique values normalised and
 * hashed, so the thread that owns the cross-row state only compares numbers. Pure, so it
 * also runs in the calling thread when there are no workers.
 */
export function createChunkValidator(
  dataset: DatasetDef<unknown>,
  columns: readonly MappedColumn[],
): (task: ChunkTask) => ChunkOutcome {
  const check = createRowCheck(dataset, columns);
  const uniques = uniqueChecks(dataset, columns);
  return (task) => {
    const flags = new Uint8Array(task.rows.length);
    const issues: RowIssue[] = [];
    const owners: number[] = [];
    const keys: number[][] = uniques.map(() => []);
    const pair = new Int32Array(2);
    const rowIssues: RowIssue[] = [];
    let issueCount = 0;
    for (let i = 0, at = 0; i < task.rows.length; i++) {
      const row = task.rows[i]!;
      const end = at + task.lengths[i]!;
      const cells = task.text.slice(at, end).split(CELL_SEPARATOR);
      at = end;
      rowIssues.length = 0;
      const passed = check(row, cells, rowIssues) !== undefined;
      flags[i] = passed ? (rowIssues.length > 0 ? ROW_WARNING : 0) : ROW_ERROR;
      issueCount += rowIssues.length;
      if (task.wantIssues) {
        for (const issue of rowIssues) {
          issues.push(issue);
          owners.push(i);
        }
      }
      for (let u = 0; u < uniques.length; u++) {
        const { unique, column, scope } = uniques[u]!;
        const raw = cells[column.index]?.trim();
        if (!raw) {
          continue;
        }
        const out = keys[u]!;
        const prefix = scopePrefix(scope, cells);
        if (!unique.split) {
          addKey(out, prefix, unique.normalise(raw), i, -1, pair);
          continue;
        }
        const values = unique.split(raw);
        for (let part = 0; part < values.length; part++) {
          addKey(out, prefix, unique.normalise(values[part]!), i, part, pair);
        }
      }
    }
    return {
      rows: task.rows,
      flags,
      issues,
      issueOwners: Int32Array.from(owners),
      issueCount,
      keys: packKeys(keys),
    };
  };
}

function addKey(
  out: number[],
  prefix: string,
  key: string,
  owner: number,
  part: number,
  pair: Int32Array,
): void {
  if (key !== '') {
    hashKey(prefix === '' ? key : prefix + key, pair, 0);
    out.push(pair[0]!, pair[1]!, owner, part);
  }
}

function packKeys(fields: readonly number[][]): ChunkKeys {
  const packed = new Int32Array(fields.reduce((size, field) => size + 1 + field.length, 0));
  let at = 0;
  for (const field of fields) {
    packed[at++] = field.length / 4;
    packed.set(field, at);
    at += field.length;
  }
  return packed;
}
