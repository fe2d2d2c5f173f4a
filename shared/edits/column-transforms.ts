import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js/max';
import { normalisePhone } from '../phone/normalise-phone';

/** Longest text a find, replace or fill value may be. */
const MAX_TEXT = 10_000;

/**
 * What a column tool does to each cell of the column in scope:
 * - replace: `find` becomes `replace`, everywhere in the cell or only when the whole cell
 *   is `find` (`wholeCell`), in the same case or any (`matchCase`);
 * - trim: whitespace at either end goes (HR exports pad cells, often with no-break spaces);
 * - fill: empty cells (`which: 'empty'`) or every cell (`'all'`) become `value`;
 * - e164: phone numbers become E.164, read in the admin's default country.
 */
export const ColumnOp = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('replace'),
      find: z.string().min(1).max(MAX_TEXT),
      replace: z.string().max(MAX_TEXT),
      matchCase: z.boolean(),
      wholeCell: z.boolean(),
    })
    .strict(),
  z.object({ kind: z.literal('trim') }).strict(),
  z
    .object({
      kind: z.literal('fill'),
      value: z.string().max(MAX_TEXT),
      which: z.enum(['empty', 'all']),
    })
    .strict(),
  z.object({ kind: z.literal('e164') }).strict(),
]);
export type ColumnOp = z.infer<typeof ColumnOp>;

/**
 * A cell after a column tool: its new value, or `left` when the tool had to leave it as it
 * was (a phone number that cannot be repaired with certainty).
 */
export type CellOutcome = { value: string; left?: false } | { value: string; left: true };

// Separators of a cell holding several phone numbers (as Zoom's phone_numbers column does).
const PHONE_LIST = /[;,\n]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The E.164 form of a phone cell (each number of a list), or the cell left as it is. */
function toE164(value: string, country: CountryCode | undefined): CellOutcome {
  if (value.trim() === '') {
    return { value };
  }
  const whole = normalisePhone(value, country);
  if (whole.ok) {
    return { value: whole.e164 };
  }
  if (!PHONE_LIST.test(value)) {
    return { value, left: true };
  }
  const pieces = value
    .split(PHONE_LIST)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  const parsed = pieces.map((piece) => normalisePhone(piece, country));
  // All or nothing: half a list in E.164 would hide which numbers still need a look.
  if (parsed.length === 0 || parsed.some((result) => !result.ok)) {
    return { value, left: true };
  }
  return { value: parsed.map((result) => (result.ok ? result.e164 : '')).join('; ') };
}

/**
 * A function applying `op` to one cell. Built once per column (the replace pattern is
 * compiled once), then called per cell; pure.
 */
export function cellTransform(op: ColumnOp, country?: CountryCode): (value: string) => CellOutcome {
  switch (op.kind) {
    case 'trim':
      return (value) => ({ value: value.trim() });
    case 'fill':
      return (value) => ({ value: op.which === 'all' || value.trim() === '' ? op.value : value });
    case 'e164':
      return (value) => toE164(value, country);
    case 'replace': {
      const flags = op.matchCase ? 'g' : 'gi';
      const pattern = new RegExp(
        op.wholeCell ? `^${escapeRegExp(op.find)}$` : escapeRegExp(op.find),
        flags,
      );
      // A function, not the string: "$&" or "$1" in the replacement is meant literally.
      return (value) => ({ value: value.replace(pattern, () => op.replace) });
    }
  }
}

/** What a column tool did to the cells in scope. */
export interface ColumnChange {
  /** The position (in the list given) and new value of each cell whose value changed. */
  changes: { position: number; value: string }[];
  /** Cells left as they were because the tool could not be sure (e164). */
  left: number;
}

/** Applies `op` to each of `values`, reporting only the cells that change. */
export function transformColumn(
  values: readonly string[],
  op: ColumnOp,
  country?: CountryCode,
): ColumnChange {
  const apply = cellTransform(op, country);
  const changes: ColumnChange['changes'] = [];
  let left = 0;
  values.forEach((value, position) => {
    const outcome = apply(value);
    if (outcome.left) {
      left++;
    } else if (outcome.value !== value) {
      changes.push({ position, value: outcome.value });
    }
  });
  return { changes, left };
}
