import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  executeRun,
  type ExecuteRunInput,
  type RunOutcome,
} from '../../main/services/runs/execute-run';
import type { DatasetDef } from '../../shared/datasets/dataset';
import type { Mapping } from '../../shared/datasets/targets';
import { suggestMapping } from '../../shared/mapping/suggest-mapping';
import type { SourceTable } from '../../shared/table/source-table';

/** A read CSV sheet of `rows` (data row i is sheet row i + 2), as the push engine takes it. */
export function sourceTable(
  fileName: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): SourceTable {
  return {
    fileName,
    format: 'csv',
    headerRow: 1,
    headers: [...headers],
    rows: rows.map((cells, i) => ({ row: i + 2, cells: [...cells] })),
    issues: [],
    skippedEmpty: 0,
  };
}

/**
 * The mapping suggestMapping makes for a sheet whose headers are the dataset's field keys;
 * throws unless every header maps to the field of the same key, so a bench never measures a
 * push that silently dropped a column.
 */
export function exactMapping(dataset: DatasetDef, headers: readonly string[]): Mapping {
  const mapping = suggestMapping(headers, dataset).mapping;
  const wrong = headers.filter((header) => mapping[header] !== header);
  if (wrong.length > 0) {
    throw new Error(`suggestMapping did not map ${wrong.join(', ')} to the same field key`);
  }
  return mapping;
}

/**
 * executeRun in a throw-away runs folder (journal and results on disk, as a real run), with
 * the sheet mapped by exactMapping; answers the outcome and the wall time in seconds.
 */
export async function timedRun<P>(
  input: Omit<ExecuteRunInput<P>, 'runsDir' | 'mapping'>,
): Promise<{ outcome: RunOutcome; seconds: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'batchline-bench-'));
  try {
    const mapping = exactMapping(input.dataset, input.table.headers);
    const started = performance.now();
    const outcome = await executeRun({ ...input, mapping, runsDir: dir });
    return { outcome, seconds: (performance.now() - started) / 1000 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
