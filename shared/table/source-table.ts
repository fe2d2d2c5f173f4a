import { z } from 'zod';
import { RowIssue } from './row-issue';

/** One data record of the source sheet; cells are always text, never numbers. */
export const SourceRow = z.object({
  row: z.number().int().positive(),
  cells: z.array(z.string()),
});
export type SourceRow = z.infer<typeof SourceRow>;

/**
 * A sheet as read from a file: headers, data rows and the problems found while reading.
 *
 * `issues` holds reading problems (ragged rows, unreadable cells); rows with an error here
 * are never pushed. `skippedEmpty` counts blank and all-empty rows that were dropped.
 */
export const SourceTable = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  sheet: z.string().optional(),
  headerRow: z.number().int().positive(),
  headers: z.array(z.string()),
  rows: z.array(SourceRow),
  issues: z.array(RowIssue),
  skippedEmpty: z.number().int().nonnegative(),
});
export type SourceTable = z.infer<typeof SourceTable>;
