import { dateStyleOf, serialToText } from './date-format';
import { plainNumber } from './decimal-text';
import { formatNumber } from './number-format';
import { decodeCellText } from './xml-text';

/**
 * How a cell's value is stored: `n` number (dates too), `s` text already decoded (a shared
 * string), `is` text as written in the sheet XML (entities still encoded), `b` boolean,
 * `e` an error such as #N/A, `d` an ISO date written as text.
 */
export type CellKind = 'n' | 's' | 'is' | 'b' | 'e' | 'd';

/** A problem with one cell; the message is made once the cell's column header is known. */
export interface CellProblem {
  code: XlsxIssueCode;
  severity: 'error' | 'warning';
  /** `label` is the column's header (the cell reference when it has none), `ref` e.g. C7. */
  message: (label: string, ref: string) => string;
}

/** The codes of the RowIssues the XLSX reader reports. */
export type XlsxIssueCode =
  | 'XLSX_ERROR_VALUE'
  | 'XLSX_FORMULA_CACHED'
  | 'XLSX_FORMULA_NO_RESULT'
  | 'XLSX_NUMBER_AS_TEXT'
  | 'XLSX_NUMBER_AMBIGUOUS'
  | 'XLSX_INVALID_DATE'
  | 'XLSX_DAMAGED_CELL'
  | 'XLSX_MERGED_CELLS'
  | 'XLSX_HIDDEN_ROW';

const MAX_FORMULA_SHOWN = 80;

/**
 * The text Excel shows for a cell, always as text; problems are pushed onto `problems`.
 *
 * `raw` is the stored value (undefined: none; for a formula, no saved result). Formulas give
 * their saved result with a warning, never a calculation; no saved result is an error, as
 * are error values (#N/A) and dates that cannot exist. Numbers are rendered with their
 * number format (see formatNumber), with a warning when that changes their digits.
 */
export function cellText(
  kind: CellKind,
  raw: string | undefined,
  numFmt: string,
  formula: string | undefined,
  date1904: boolean,
  problems: CellProblem[],
): string {
  const shownFormula = formula === undefined ? undefined : `=${clip(formula)}`;
  if (raw === undefined) {
    if (shownFormula !== undefined) {
      problems.push(
        error(
          'XLSX_FORMULA_NO_RESULT',
          (label) =>
            `${label}: formula ${shownFormula} has no saved result, and batchline never calculates formulas; open the file in Excel, let it calculate, and save it again`,
        ),
      );
    } else if (kind === 's') {
      problems.push(
        error(
          'XLSX_DAMAGED_CELL',
          (_label, ref) =>
            `${ref}: the cell points at a shared text the file does not have; the file is damaged`,
        ),
      );
    }
    return '';
  }
  const before = problems.length;
  const text = valueText(kind, raw, numFmt, date1904, problems, shownFormula);
  if (shownFormula !== undefined && !problems.slice(before).some((p) => p.severity === 'error')) {
    problems.push({
      code: 'XLSX_FORMULA_CACHED',
      severity: 'warning',
      message: (label) => `${label}: formula ${shownFormula} — its last calculated value was used`,
    });
  }
  return text;
}

function valueText(
  kind: CellKind,
  raw: string,
  numFmt: string,
  date1904: boolean,
  problems: CellProblem[],
  formula: string | undefined,
): string {
  switch (kind) {
    case 's':
      return raw;
    case 'is':
      return decodeCellText(raw);
    case 'b':
      return raw === '1' || raw.toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      problems.push(
        error('XLSX_ERROR_VALUE', (_label, ref) =>
          formula === undefined
            ? `${ref}: ${raw} — the cell shows an Excel error, not a value`
            : `${ref}: ${raw} — formula ${formula} gives an Excel error, not a value`,
        ),
      );
      return raw;
    case 'd':
      return isoDateText(raw);
    case 'n':
      return raw.trim() === '' ? '' : numberText(raw, numFmt, date1904, problems);
  }
}

function numberText(
  raw: string,
  numFmt: string,
  date1904: boolean,
  problems: CellProblem[],
): string {
  const value = Number(raw);
  if (Number.isNaN(value)) {
    return raw;
  }
  const date = numFmt === 'General' ? undefined : dateStyleOf(numFmt);
  if (date) {
    const { text, problem } = serialToText(value, date, date1904);
    if (problem === 'fictitious-1900-02-29') {
      problems.push(
        error(
          'XLSX_INVALID_DATE',
          (label) =>
            `${label}: the cell holds Excel's day 60, 1900-02-29, a day that never existed (a Lotus 1-2-3 bug Excel keeps); enter the real date`,
        ),
      );
    } else if (problem === 'out-of-range') {
      problems.push(
        error(
          'XLSX_INVALID_DATE',
          (label) =>
            `${label}: the cell holds ${plainNumber(value)}, which is not a date Excel can show (it shows ####); enter the real date`,
        ),
      );
    }
    return text;
  }
  const plain = plainNumber(value);
  const { text, shown, doubt } =
    numFmt === 'General' && Math.abs(value) < 1e15
      ? { text: plain, shown: plain, doubt: undefined }
      : formatNumber(value, numFmt);
  if (doubt === 'precision') {
    problems.push(
      error(
        'XLSX_NUMBER_AMBIGUOUS',
        (label) =>
          `${label}: the cell holds the number ${plain}, longer than the 15 digits Excel keeps, so its last digits were lost; enter it as text`,
      ),
    );
  } else if (doubt === 'rounded') {
    problems.push(
      error(
        'XLSX_NUMBER_AMBIGUOUS',
        (label) =>
          `${label}: the cell holds the number ${plain} but Excel shows ${shown}; retype it as text so it is clear which is meant`,
      ),
    );
  } else if (doubt === 'unsupported') {
    problems.push(
      warning(
        (label) =>
          `${label}: the cell holds a number (${plain}) in the format "${numFmt}", which batchline does not reproduce; it was read as text '${text}'`,
      ),
    );
  } else if (text !== plain || shown !== plain) {
    problems.push(
      warning(
        (label) =>
          `${label}: the cell holds a number (${plain}) shown as ${shown}; it was read as text '${text}'`,
      ),
    );
  }
  return text;
}

/** `2024-01-15T00:00:00Z` → 2024-01-15; a time other than midnight is kept to the minute. */
function isoDateText(raw: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?)?/.exec(raw.trim());
  if (!match) {
    return raw;
  }
  const [, day = '', time] = match;
  return time === undefined || (time === '00:00' && !/[1-9]/.test(match[3] ?? ''))
    ? day
    : `${day}T${time}`;
}

function clip(formula: string): string {
  return formula.length > MAX_FORMULA_SHOWN ? `${formula.slice(0, MAX_FORMULA_SHOWN)}…` : formula;
}

function error(code: XlsxIssueCode, message: CellProblem['message']): CellProblem {
  return { code, severity: 'error', message };
}

function warning(message: CellProblem['message']): CellProblem {
  return { code: 'XLSX_NUMBER_AS_TEXT', severity: 'warning', message };
}
