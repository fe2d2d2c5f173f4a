import { z } from 'zod';
import { CellChange } from '../edits/cell-edit';
import { ColumnOp } from '../edits/column-transforms';
import { FileCheck } from './contract-common';
import { ValidationView } from './import-views';

/** Most cells one edit request may change or revert (a paste of a column, say). */
const MAX_CHANGES = 10_000;

/**
 * What every editing channel needs besides its own arguments: the file and how it is
 * checked (the same as import:validate), since each edit re-validates the whole table.
 */
const Checked = FileCheck;

/** A cell by source row number and header, as CellChange names it. */
const CellRef = CellChange.pick({ row: true, column: true });

/**
 * What an edit answers: the table's validation after it (counts, problems, edited cells),
 * how many cells took a new value, and for column tools how many were left as they were.
 */
export const EditResult = z.object({
  validation: ValidationView,
  changed: z.number().int().nonnegative(),
  left: z.number().int().nonnegative(),
});
export type EditResult = z.infer<typeof EditResult>;

/** Which rows a column tool works on: all of them, or those with a problem now. */
export const EditScope = z.enum(['all', 'problems']);
export type EditScope = z.infer<typeof EditScope>;

/** The channels of editing an open table in the review grid (see contract.ts). */
export const editChannels = {
  // Cells typed in the grid; all or nothing (an unknown row or header refuses the lot).
  'import:edit': {
    args: z.object({ ...Checked, changes: z.array(CellChange).min(1).max(MAX_CHANGES) }).strict(),
    result: EditResult,
  },
  // A column tool (find and replace, trim, fill, E.164) on one column by its header.
  'import:transform': {
    args: z
      .object({ ...Checked, column: z.string().max(500), op: ColumnOp, scope: EditScope })
      .strict(),
    result: EditResult,
  },
  // Puts cells back to the file's value: those listed, or every edited cell.
  'import:revert': {
    args: z
      .object({ ...Checked, cells: z.array(CellRef).min(1).max(MAX_CHANGES).optional() })
      .strict(),
    result: EditResult,
  },
} as const;
