import type { DatasetDef, UniqueField } from '../datasets/dataset';
import type { RowIssue } from '../table/row-issue';
import { hashKey } from './key-index';
import type { MappedColumn } from './mapped-columns';
import { CELL_SEPARATOR, forEachPacked, type ChunkTask } from './packed-rows';
import { createRowCheck } from './row-check';

/** Flag of a checked row: it has an error (no payload). */
export const ROW_ERROR = 1;
/** Flag of a checked row: it passed with warnings. */
export const ROW_WARNING = 2;

/** A unique field that is mapped, with its column: the cross-row checks a sheet gets. */
export interface UniqueCheck {
  unique: UniqueField;
  column: MappedColumn;
}

/** The unique fields of a dataset that the mapping reads, in the dataset's order. */
export function uniqueChecks(
  dataset: DatasetDef<unknown>,
  columns: readonly MappedColumn[],
): UniqueCheck[] {
  return dataset.uniqueFields.flatMap((unique) => {
    const column = columns.find((c) => c.key === unique.key);
    return column ? [{ unique, column }] : [];
  });
}

/**
 * The normalised values of one unique field in a chunk, as hash pairs: key `k` is
 * `hashes[2k], hashes[2k+1]`, found on task row `owners[k]`, as piece `parts[k]` of a split
 * cell (-1 when the field is not split). In row order.
 */
export interface ChunkKeys {
  hashes: Int32Array;
  owners: Int32Array;
  parts: Int32Array;
}

/** What checking a chunk gives back: per-row flags, the issues (if wanted) and unique keys. */
export interface ChunkOutcome {
  flags: Uint8Array;
  issues: RowIssue[];
  /** The task row of each issue. */
  issueOwners: Int32Array;
  /** Issues found in the chunk, sent or not (counts stay exact when issues are not sent). */
  issueCount: number;
  /** One entry per {@link uniqueChecks} entry. */
  keys: ChunkKeys[];
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
    const keys: KeyLists[] = uniques.map(() => ({ hashes: [], owners: [], parts: [] }));
    const pair = new Int32Array(2);
    const rowIssues: RowIssue[] = [];
    let issueCount = 0;
    forEachPacked(task, (i, row, packed) => {
      const cells = packed.split(CELL_SEPARATOR);
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
        const { unique, column } = uniques[u]!;
        const raw = cells[column.index]?.trim();
        if (!raw) {
          continue;
        }
        const out = keys[u]!;
        if (!unique.split) {
          addKey(out, unique.normalise(raw), i, -1, pair);
          continue;
        }
        const values = unique.split(raw);
        for (let part = 0; part < values.length; part++) {
          addKey(out, unique.normalise(values[part]!), i, part, pair);
        }
      }
    });
    return {
      flags,
      issues,
      issueOwners: Int32Array.from(owners),
      issueCount,
      keys: keys.map((k) => ({
        hashes: Int32Array.from(k.hashes),
        owners: Int32Array.from(k.owners),
        parts: Int32Array.from(k.parts),
      })),
    };
  };
}

interface KeyLists {
  hashes: number[];
  owners: number[];
  parts: number[];
}

function addKey(out: KeyLists, key: string, owner: number, part: number, pair: Int32Array): void {
  if (key !== '') {
    hashKey(key, pair, 0);
    out.hashes.push(pair[0]!, pair[1]!);
    out.owners.push(owner);
    out.parts.push(part);
  }
}
