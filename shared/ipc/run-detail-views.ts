import { z } from 'zod';
import { ResultStatus } from '../jobs/run-types';
import { RunView } from './run-views';

/**
 * A row's outcome as the run detail shows it: a final result, or `pending` for a row a
 * stopped, cancelled or interrupted run has not finished (not sent, or sent but not
 * confirmed); resuming the run settles it.
 */
export const RunRowStatus = z.enum([...ResultStatus.options, 'pending']);
export type RunRowStatus = z.infer<typeof RunRowStatus>;

const Count = z.number().int().nonnegative();

/** How many rows of a run have each outcome; they add up to the rows of the sheet. */
export const RunOutcomeCounts = z.object({
  created: Count,
  updated: Count,
  skipped: Count,
  failed: Count,
  invalid: Count,
  pending: Count,
});
export type RunOutcomeCounts = z.infer<typeof RunOutcomeCounts>;

/**
 * One run opened on the Runs page: what the list shows, plus where it pushed, what it
 * spent and the sheet's columns. Read from the run folder (manifest, journal, saved sheet);
 * never a token or a path on disk.
 */
export const RunDetail = z.object({
  run: RunView,
  /** The API it pushed to, without any user name, password or query string. */
  baseUrl: z.string(),
  /** The app's connection it pushed through, when this app still has it. */
  connectionLabel: z.string().optional(),
  /** The sheet of an XLSX file the rows came from. */
  sheet: z.string().optional(),
  total: Count,
  counts: RunOutcomeCounts,
  requests: Count,
  retries: Count,
  /** How long the run took (a finished run), or has taken so far by its journal. */
  durationMs: z.number().nonnegative(),
  /** The source sheet's headers and a width per column, sized from all its rows. */
  headers: z.array(z.string()),
  columnWidths: z.array(z.number().int().positive()),
  /** The largest source row number, for the row-number column's width. */
  lastRow: Count,
});
export type RunDetail = z.infer<typeof RunDetail>;

/** One source row of a run with its outcome. */
export const RunRowView = z.object({
  row: z.number().int().positive(),
  status: RunRowStatus,
  id: z.string().optional(),
  message: z.string(),
  cells: z.array(z.string()),
});
export type RunRowView = z.infer<typeof RunRowView>;
