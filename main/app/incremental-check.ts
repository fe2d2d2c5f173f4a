import { setImmediate as nextTurn } from 'node:timers/promises';
import { getDataset } from '../../shared/datasets/registry';
import type { Kind, Mapping, Target } from '../../shared/datasets/targets';
import { buildDuplicateIndex } from '../../shared/validation/duplicate-index';
import { mappedColumns } from '../../shared/validation/mapped-columns';
import { revalidateRows, type RevalidationState } from '../../shared/validation/revalidate-rows';
import { createRowCheck } from '../../shared/validation/row-check';
import { uniqueChecks } from '../../shared/validation/validate-chunk';
import { groupByRow } from '../../shared/validation/validate-table';
import type { OpenFiles } from './open-files';
import type { ReviewIndex } from './review-index';

/** What a validation was checked with; an edit checked with other choices needs a full one. */
export interface CheckBasis {
  target: Target;
  kind: Kind;
  mapping: Mapping;
  country?: string | undefined;
}

/** An edit about to be applied, to be checked on its own rows once it is. */
export interface PendingCheck {
  /** Re-checks the edited rows, keeps the new validation with the file and returns it. */
  finish(): ReviewIndex;
}

/**
 * Past this share of the rows (a column tool over the table) the worker pool's full check is
 * as quick, and rebuilding nothing is simpler; below FEW_ROWS rows it is never quicker.
 */
const MOST_ROWS_SHARE = 0.05;
const FEW_ROWS = 32;

/**
 * Checks an edit of a few rows on those rows only (shared/validation/revalidate-rows.ts),
 * with the same issues, order and counts as a full validation: one cell of 100k rows in
 * milliseconds, where the full check takes seconds.
 *
 * It needs a state made from a full validation whose basis is known: made after each full
 * check the edit handlers run, and kept per validation (a WeakMap by its ReviewIndex), so
 * a validation made elsewhere (import:validate, with an unknown mapping) is never continued.
 */
export class IncrementalChecks {
  private readonly kept = new WeakMap<
    ReviewIndex,
    { basis: CheckBasis; state: RevalidationState }
  >();

  constructor(private readonly files: OpenFiles) {}

  /**
   * Called before rows `rows` (source row numbers) of the file change. Undefined when the
   * change must be checked in full: no state for the file's validation, another basis, a
   * dataset checked across rows (never tracked), or too many rows.
   */
  prepare(fileId: string, basis: CheckBasis, rows: Iterable<number>): PendingCheck | undefined {
    const review = this.files.currentReview(fileId);
    const kept = review && this.kept.get(review);
    if (!review || !kept || !sameBasis(kept.basis, basis)) {
      return undefined;
    }
    const most = Math.max(FEW_ROWS, review.rowCount * MOST_ROWS_SHARE);
    const oldCells = new Map<number, readonly string[]>();
    for (const row of rows) {
      const index = review.locate(row, 'all');
      // An unknown row is left to TableEdits, which refuses the whole change naming it.
      if (index >= 0 && !oldCells.has(index)) {
        oldCells.set(index, [...review.table.rows[index]!.cells]);
      }
      if (oldCells.size > most) {
        return undefined;
      }
    }
    return {
      finish: () => {
        // Dropped first: an update failing half-way must not leave a state to continue from.
        this.kept.delete(review);
        // What else the validation carries (the masked columns) stays as it was.
        const next = this.files.setValidation(fileId, {
          ...review.validation,
          ...revalidateRows(kept.state, review.validation, oldCells),
        });
        this.kept.set(next, kept);
        return next;
      },
    };
  }

  /**
   * Called after the file was checked in full with `basis`: makes the state its next edits
   * are checked from. Indexing the unique values reads every row (~0.25 s for 100k Zoom users),
   * so it goes a slice at a time, leaving the main thread free for IPC in between.
   */
  async track(fileId: string, basis: CheckBasis): Promise<void> {
    const review = this.files.currentReview(fileId);
    const dataset = getDataset(basis.target, basis.kind, { defaultCountry: basis.country });
    if (!review || !dataset || dataset.crossRowCheck) {
      return;
    }
    const { table } = review;
    const columns = mappedColumns(table.headers, dataset, basis.mapping);
    const readIssues = groupByRow(table.issues);
    const readable = (index: number) =>
      !readIssues.get(table.rows[index]!.row)?.some((issue) => issue.severity === 'error');
    const { index, duplicates } = await buildDuplicateIndex(
      table,
      uniqueChecks(dataset, columns),
      readable,
      () => nextTurn(),
    );
    // Checked again meanwhile (import:validate): this state is of a validation now gone.
    if (this.files.currentReview(fileId) !== review) {
      return;
    }
    this.kept.set(review, {
      basis,
      state: {
        table,
        check: createRowCheck(dataset, columns),
        readIssues,
        duplicates: index,
        duplicateCounts: duplicates,
      },
    });
  }
}

function sameBasis(a: CheckBasis, b: CheckBasis): boolean {
  const keys = Object.keys(a.mapping);
  return (
    a.target === b.target &&
    a.kind === b.kind &&
    a.country === b.country &&
    keys.length === Object.keys(b.mapping).length &&
    keys.every((key) => a.mapping[key] === b.mapping[key])
  );
}
