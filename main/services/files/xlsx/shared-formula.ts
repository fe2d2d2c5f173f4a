import { columnLetters, columnNumber } from './sheet-notes';

const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([1-9]\d{0,6})(?![A-Za-z0-9_(])/g;
const STRING_LITERAL = /("(?:[^"]|"")*")/;
const LAST_COLUMN = 16_384;

/**
 * A shared formula as it reads in another cell of its range.
 *
 * Excel writes a formula filled down a column once, on its first cell (`A2&"@x.com"`), and
 * the other cells point at it; each of them really holds the formula with its relative
 * references moved (`A3&"@x.com"` one row down). Only used to name the formula in a
 * message: batchline never calculates formulas. `$`-anchored parts and text in quotes stay.
 */
export function slideFormula(
  formula: string,
  from: { row: number; col: number },
  to: { row: number; col: number },
): string {
  const rows = to.row - from.row;
  const cols = to.col - from.col;
  if (rows === 0 && cols === 0) {
    return formula;
  }
  return formula
    .split(STRING_LITERAL)
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece.replace(
            REFERENCE,
            (whole, colAnchor: string, letters: string, rowAnchor: string, digits: string) => {
              const col = columnNumber(letters);
              if (col > LAST_COLUMN) {
                return whole;
              }
              const newCol = colAnchor ? col : col + cols;
              const newRow = rowAnchor ? Number(digits) : Number(digits) + rows;
              if (newCol < 1 || newRow < 1) {
                return '#REF!';
              }
              return `${colAnchor}${columnLetters(newCol)}${rowAnchor}${newRow}`;
            },
          ),
    )
    .join('');
}
