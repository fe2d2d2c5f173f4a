import type { Mapping } from '../../../shared/datasets/targets';
import type { ValidationCounts } from '../../../shared/jobs/run-types';
import type { RowIssue } from '../../../shared/table/row-issue';
import type { SourceTable } from '../../../shared/table/source-table';
import { packCells, PackedStrings } from '../../../shared/validation/packed-rows';
import type { RowBatch } from '../../../shared/validation/validation-collector';
import { groupByRow } from '../../../shared/validation/validate-table';
import { PackedRow } from './packed-row';
import { BATCH_CHARS, BATCH_ROWS, startRowChecks, type CheckOptions } from './row-checks';
import { cancelledOr } from './stream-csv';
import type { DatasetSpec } from './worker-protocol';

/** The validation of a table held in memory: counts, and each row's issues by index. */
export interface RowsValidation {
  counts: ValidationCounts;
  /** Each row's issues by its index in `table.rows`; rows without issues are absent. */
  rowIssues: Map<number, RowIssue[]>;
}

/**
 * validateTable for a table already read (the app's review), with the row checks on worker
 * threads so the app's main thread stays free: the same counts and per-row issues. Returns
 * undefined when a row cannot be packed (a cell holding NUL, which no file reader produces);
 * the caller then uses validateTable.
 */
export async function validateRowsInWorkers(
  table: SourceTable,
  spec: DatasetSpec,
  mapping: Mapping,
  opts: CheckOptions = {},
): Promise<RowsValidation | undefined> {
  const readIssues = groupByRow(table.issues);
  const checks = startRowChecks(spec, table.headers, mapping, { ...opts, keepRowIssues: true });
  checks.collector.reserve(table.rows.length);
  try {
    for (let first = 0; first < table.rows.length;) {
      opts.signal?.throwIfAborted();
      const packedRows = new PackedStrings();
      const batch: RowBatch = {
        first,
        rows: [],
        packed: packedRows,
        readIssues: new Map(),
        sent: [],
      };
      let chars = 0;
      for (let r = first; r < table.rows.length; r++) {
        if (batch.rows.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
          break;
        }
        const source = table.rows[r]!;
        const packed = source instanceof PackedRow ? source.packed : packCells(source.cells);
        if (packed === undefined) {
          return undefined;
        }
        const index = batch.rows.length;
        batch.rows.push(source.row);
        packedRows.push(packed);
        chars += packed.length;
        const issues = readIssues.get(source.row);
        if (issues) {
          batch.readIssues.set(index, issues);
        }
        if (!issues?.some((issue) => issue.severity === 'error')) {
          batch.sent.push(index);
        }
      }
      first += batch.rows.length;
      await checks.dispatcher.submit(batch);
    }
    await checks.dispatcher.finish();
    return { counts: checks.collector.counts, rowIssues: checks.collector.rowIssues };
  } catch (caught) {
    throw cancelledOr(caught, opts.signal);
  } finally {
    await checks.close();
  }
}
