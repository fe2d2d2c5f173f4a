import { columnLetters, columnNumber } from './sheet-notes';
import { fastAttr } from './xml-attributes';
import { decodeXmlEntities } from './xml-text';

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

/**
 * The shared formulas of a sheet as it is scanned: the first cell of each (which holds the
 * text) is remembered by its `si`, so the cells after it can be named with their own text.
 */
export class SharedFormulas {
  private readonly first = new Map<string, { formula: string; row: number; col: number }>();

  /** The text of the formula in `<f …>content</f>` (`tag` is the opening tag) at `at`. */
  formulaOf(tag: string, content: string, at: { row: number; col: number }): string {
    const text = decodeXmlEntities(content);
    if (fastAttr(tag, 't') !== 'shared') {
      return text;
    }
    const id = fastAttr(tag, 'si') ?? '';
    if (text !== '') {
      this.first.set(id, { formula: text, ...at });
      return text;
    }
    const first = this.first.get(id);
    return first ? slideFormula(first.formula, first, at) : '';
  }
}
