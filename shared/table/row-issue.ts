import { z } from 'zod';

/**
 * A problem with one row (or one cell) of the source sheet.
 *
 * `row` is the row number the admin sees in the source file (header = its own row; for a
 * CSV record spanning lines, the line it starts on). `column` is the source header text, or
 * null when the problem is the whole row.
 */
export const RowIssue = z.object({
  row: z.number().int().nonnegative(),
  column: z.string().nullable(),
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type RowIssue = z.infer<typeof RowIssue>;
