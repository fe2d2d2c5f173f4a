import type { RowIssue } from '../../../../shared/table/row-issue';

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column number → letters: 1 → A, 27 → AA, 16384 → XFD. */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Letters of a reference → column number (`B7` → 2, `$AA$1` → 27); 0 when there are none. */
export function columnNumber(ref: string, start = 0, end = ref.length): number {
  let col = 0;
  for (let i = start; i < end; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code >= 97 && code <= 122) {
      col = col * 26 + (code - 96);
    } else if (code !== 0x24 /* $ */ && code !== 0x20) {
      break;
    }
  }
  return col;
}

/** `A2:C4` (or a single `B7`) as a CellRange; undefined when it is not a reference. */
export function parseRange(text: string): CellRange | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const left = columnNumber(match[1] ?? '');
  const top = Number(match[2]);
  const right = match[3] ? columnNumber(match[3]) : left;
  const bottom = match[4] ? Number(match[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/**
 * One warning per merged range that reaches the header or the data below it.
 *
 * batchline reads a merged range the way Excel stores it, and the way Excel's own "Save as
 * CSV" writes it: the value is in the top-left cell only and the other cells are empty.
 * Filling them would invent values the sheet does not hold (and a vertical merge over a
 * department would silently assign people to it), so the admin is told instead.
 */
export function mergeIssues(
  merges: readonly string[],
  headerRow: number,
  headers: readonly string[],
): RowIssue[] {
  const ranges = merges
    .map((text) => ({
      text: text.trim().toUpperCase().replace(/\$/g, ''),
      range: parseRange(text),
    }))
    .filter((merge): merge is { text: string; range: CellRange } => {
      const range = merge.range;
      return (
        range !== undefined &&
        range.bottom >= headerRow &&
        (range.bottom > range.top || range.right > range.left)
      );
    })
    .sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
  return ranges.map(({ text, range }) => {
    const topLeft = `${columnLetters(range.left)}${range.top}`;
    return {
      row: Math.max(range.top, headerRow),
      column: headers[range.left - 1] ?? null,
      code: 'XLSX_MERGED_CELLS',
      message: `Cells ${text} are merged: the value is read in ${topLeft} only, and the other merged cells as empty`,
      severity: 'warning',
    };
  });
}
