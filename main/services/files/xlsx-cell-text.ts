import type ExcelJS from 'exceljs';

/** A cell as text, and why its text cannot be trusted when it cannot. */
export interface CellText {
  text: string;
  problem?: string;
}

const ZERO_PADDED_FORMAT = /^0+$/;

/**
 * The text of an XLSX cell as the admin saw it in Excel, for the cases that matter here.
 *
 * Numbers stay digits (never exponent notation below 1e21) and are zero-padded when the
 * format is "0000" (extension 100 shown as 0100); dates become YYYY-MM-DD (plus the time when
 * there is one), read in UTC so no timezone shifts them; formulas give their cached result
 * and nothing is evaluated; rich text and hyperlinks give their text. Error values (#N/A) and
 * formulas with no cached result come back with a problem: they are row errors.
 */
export function cellText(cell: ExcelJS.Cell): CellText {
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): CellText {
  if (value === null || value === undefined) {
    return { text: '' };
  }
  if (typeof value === 'string') {
    return { text: value };
  }
  if (typeof value === 'number') {
    return { text: numberText(value, numFmt) };
  }
  if (typeof value === 'boolean') {
    return { text: value ? 'TRUE' : 'FALSE' };
  }
  if (value instanceof Date) {
    return { text: dateText(value) };
  }
  if ('error' in value) {
    return { text: value.error, problem: `the cell shows the Excel error ${value.error}` };
  }
  if ('richText' in value) {
    return { text: value.richText.map((run) => run.text).join('') };
  }
  if ('hyperlink' in value) {
    return { text: typeof value.text === 'string' ? value.text : value.hyperlink };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) {
      return {
        text: '',
        problem:
          'the formula has no saved result; open the file in Excel, let it calculate and save it again',
      };
    }
    const inner = valueText(result, numFmt);
    return inner.problem
      ? { text: inner.text, problem: `the formula's result is an error (${inner.text})` }
      : inner;
  }
  return { text: '' };
}

function numberText(value: number, numFmt: string | undefined): string {
  const text = String(value);
  if (numFmt && Number.isInteger(value) && value >= 0 && ZERO_PADDED_FORMAT.test(numFmt)) {
    return text.padStart(numFmt.length, '0');
  }
  return text;
}

function dateText(date: Date): string {
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? day : `${day} ${time}`;
}
