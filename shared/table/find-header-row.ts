import { headerMatchKey } from '../mapping/normalise-header';

/** How many leading rows are looked at for the header; title blocks are never longer. */
export const HEADER_SCAN_ROWS = 30;
/** How many rows below a candidate tell how wide the data is. */
const DATA_SAMPLE_ROWS = 10;
/** A cell made only of digits and number/date punctuation: data, not a column name. */
const NUMBER_LIKE = /^[\d\s.,:;/+()%€$£-]+$/u;

/** What header detection needs of a dataset: the names its fields go by. */
export interface HeaderHints {
  fields: readonly { key: string; label: string; synonyms: readonly string[] }[];
}

/**
 * The index, into `rows`, of the row that holds the column headers.
 *
 * HR exports often put a title ("Q3 onboarding — Sales"), a "Generated 2026-11-01" line or
 * blank rows above the header. Only the first {@link HEADER_SCAN_ROWS} rows are looked at.
 * With a dataset, the row whose cells name the most fields (key, label or synonym, compared
 * as the mapping compares them) wins when it names two or more, or one and also has the
 * header's shape. Otherwise the header is the first row that reaches as far right as most
 * of the rows below it, has more than one cell filled (unless the data has one column) and
 * is mostly text; failing that, the first non-blank row. All-blank input gives 0.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], dataset?: HeaderHints): number {
  const scanned = rows.slice(0, HEADER_SCAN_ROWS);
  const firstNonBlank = scanned.findIndex((cells) => filledCount(cells) > 0);
  if (firstNonBlank < 0) {
    return 0;
  }
  const named = dataset ? rowNamingFields(scanned, dataset) : undefined;
  if (named !== undefined) {
    return named;
  }
  for (let i = firstNonBlank; i < scanned.length; i++) {
    if (hasHeaderShape(scanned, i)) {
      return i;
    }
  }
  return firstNonBlank;
}

/** The row naming the most fields, when that is convincing; undefined otherwise. */
function rowNamingFields(
  rows: readonly (readonly string[])[],
  dataset: HeaderHints,
): number | undefined {
  const fieldByKey = new Map<string, string>();
  for (const field of dataset.fields) {
    for (const name of [field.key, field.label, ...field.synonyms]) {
      const key = headerMatchKey(name);
      if (key !== '' && !fieldByKey.has(key)) {
        fieldByKey.set(key, field.key);
      }
    }
  }
  let best = -1;
  let bestScore = 0;
  const scores = rows.map((cells, index) => {
    const named = new Set<string>();
    for (const cell of cells) {
      const field = fieldByKey.get(headerMatchKey(cell));
      if (field !== undefined) {
        named.add(field);
      }
    }
    if (named.size > bestScore) {
      best = index;
      bestScore = named.size;
    }
    return named.size;
  });
  if (bestScore >= 2) {
    return best;
  }
  // One match alone is weak: a "Location,London" line above the table names a field too.
  const single = scores.findIndex((score, index) => score === 1 && hasHeaderShape(rows, index));
  return single >= 0 ? single : undefined;
}

/** Whether row `index` looks like a header for the rows below it. */
function hasHeaderShape(rows: readonly (readonly string[])[], index: number): boolean {
  const cells = rows[index] ?? [];
  const filled = filledCount(cells);
  if (filled === 0) {
    return false;
  }
  const below: number[] = [];
  for (let i = index + 1; i < rows.length && below.length < DATA_SAMPLE_ROWS; i++) {
    const row = rows[i] ?? [];
    if (filledCount(row) > 0) {
      below.push(span(row));
    }
  }
  const numberLike = cells.filter((cell) => NUMBER_LIKE.test(cell.trim())).length;
  if (numberLike * 2 > filled) {
    return false;
  }
  if (below.length === 0) {
    return true;
  }
  const dataWidth = mode(below);
  return span(cells) >= dataWidth && filled >= Math.min(2, dataWidth);
}

function filledCount(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.trim() !== '') {
      count++;
    }
  }
  return count;
}

/** Cells up to the last filled one: trailing delimiters on a title row add nothing. */
function span(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) {
    if ((cells[i] ?? '').trim() !== '') {
      return i + 1;
    }
  }
  return 0;
}

/** The most common value; ties go to the larger, so a few short rows do not narrow the data. */
function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount || (count === bestCount && value > best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
