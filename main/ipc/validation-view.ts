import type { DatasetDef } from '../../shared/datasets/dataset';
import type { Mapping } from '../../shared/datasets/targets';
import type { ValidationView } from '../../shared/ipc/contract';
import { checkMapping } from '../../shared/mapping/suggest-mapping';
import { columnWidths } from '../../shared/table/column-widths';
import type { ReviewIndex } from '../app/review-index';

/**
 * What import:validate answers, for a validation kept with a file, without checking again:
 * an edit checked on its own rows answers the same view as a full check would.
 * (import.ipc.ts builds the same fields inline; the two must list the same.)
 */
export function validationView(
  review: ReviewIndex,
  dataset: DatasetDef,
  mapping: Mapping,
  editedCells: number,
): ValidationView {
  const { table, validation } = review;
  const masked = validation.secretColumns;
  return {
    counts: validation.counts,
    headers: table.headers,
    mappingIssues: checkMapping(table.headers, dataset, mapping),
    rowCount: review.rowCount,
    problemRowCount: review.problemRows.length,
    problemCount: review.problemCount,
    errorCount: review.errorCount,
    lastRow: review.lastRow,
    columnWidths: columnWidths(table.headers, table.rows.length, (i) => table.rows[i]!.cells),
    editedCells,
    ...(masked && masked.size > 0 ? { maskedColumns: [...masked] } : {}),
  };
}
