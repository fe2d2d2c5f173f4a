import { z } from 'zod';

/**
 * One cell the admin changed in the review grid: the source row number (as in Excel), the
 * column by its header, the value the file had and the value to use instead. Headers, not
 * indexes, name the column so an edit saved in a `.batchline` file still means the same cell
 * when the file is read again (a header row moved, a column inserted before it).
 */
export const CellEdit = z.object({
  row: z.number().int().positive(),
  column: z.string().max(500),
  from: z.string(),
  to: z.string(),
});
export type CellEdit = z.infer<typeof CellEdit>;

/** A change to make: the cell of source row `row` under header `column` becomes `value`. */
export const CellChange = z.object({
  row: z.number().int().positive(),
  column: z.string().max(500),
  value: z.string().max(100_000),
});
export type CellChange = z.infer<typeof CellChange>;
