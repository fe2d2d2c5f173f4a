import type ExcelJS from 'exceljs';
import { columnWidths } from './column-widths';
import { dataStyle, HEADER_STYLE, statusCellStyle, TEXT_STYLE } from './xlsx-styles';
import { inlineString } from './xlsx-text';
import { waitForZip } from './zip-backpressure';

/** A dropdown over one column's input rows: the values offered, and what to say otherwise. */
export interface XlsxDropdown {
  /** 0-based column. */
  column: number;
  choices: readonly string[];
  /** Shown as a warning (not a refusal) when a typed value is not one of the choices. */
  hint?: string;
}

/** One sheet of a workbook batchline writes: a header row, then text rows. */
export interface XlsxSheetSpec {
  /** At most 31 characters, none of : \ / ? * [ ] (Excel's rules). */
  name: string;
  headers: readonly string[];
  /** Any iterable (a generator keeps memory flat); cells past the headers' width are dropped. */
  rows: Iterable<readonly string[]>;
  /** 0-based column whose cells are coloured by result status (results sheets). */
  statusColumn?: number;
  /** Dropdowns (list validations) over rows 2..lastInputRow (templates). */
  dropdowns?: readonly XlsxDropdown[];
  /** The last row dropdowns cover; defaults to the last data row. */
  lastInputRow?: number;
  /** A note (comment) on each header cell, by column; undefined for none. */
  headerNotes?: readonly (string | undefined)[];
}

/** Rows measured for column widths before the first row is written. */
const WIDTH_SAMPLE_ROWS = 200;
/**
 * Rows written between two checks that the zip keeps up (see waitForZip): ~250 KB of XML,
 * small enough to keep memory flat, large enough that waiting costs nothing measurable.
 */
const ROWS_PER_CHECK = 250;

type DropdownTarget = {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
};

/**
 * Writes one sheet into a streaming workbook and commits it: header bold, frozen and
 * auto-filtered; every cell a string (rich-text inline string, never a formula, never a
 * number); widths fitted to a sample; the status column coloured; dropdowns and notes.
 */
export async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: XlsxSheetSpec,
): Promise<void> {
  const iterator = spec.rows[Symbol.iterator]();
  const sample: (readonly string[])[] = [];
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    sample.push(next.value);
    if (sample.length === WIDTH_SAMPLE_ROWS) {
      break;
    }
  }
  const width = spec.headers.length;
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  // Column style: cells typed later into empty rows are text too.
  sheet.columns = columnWidths(spec.headers, sample).map((w) => ({ width: w, style: TEXT_STYLE }));

  const header = sheet.addRow(spec.headers.map(inlineString));
  spec.headers.forEach((_, i) => {
    const cell = header.getCell(i + 1);
    cell.style = HEADER_STYLE;
    const note = spec.headerNotes?.[i];
    if (note) {
      cell.note = note;
    }
  });
  header.commit();

  let written = 0;
  const writeRow = (cells: readonly string[]): void => {
    const row = sheet.addRow(rowValues(cells, width));
    for (let i = 0; i < width; i++) {
      const value = cells[i] ?? '';
      row.getCell(i + 1).style =
        i === spec.statusColumn ? statusCellStyle(value) : dataStyle(value);
    }
    row.commit();
    written++;
  };
  for (const cells of sample) {
    writeRow(cells);
  }
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    writeRow(next.value);
    if (written % ROWS_PER_CHECK === 0) {
      await waitForZip(sheet);
    }
  }

  const lastRow = written + 1;
  sheet.autoFilter = `A1:${columnLetter(Math.max(1, width))}${lastRow}`;
  addDropdowns(sheet, spec.dropdowns ?? [], spec.lastInputRow ?? lastRow);
  sheet.commit();
}

function rowValues(cells: readonly string[], width: number): (ExcelJS.CellRichTextValue | null)[] {
  const values = new Array<ExcelJS.CellRichTextValue | null>(width);
  for (let i = 0; i < width; i++) {
    values[i] = inlineString(cells[i] ?? '');
  }
  return values;
}

function addDropdowns(
  sheet: ExcelJS.Worksheet,
  dropdowns: readonly XlsxDropdown[],
  lastRow: number,
): void {
  // The streaming writer keeps range validations on the sheet; exceljs's types only
  // declare the per-cell form.
  const target = sheet as unknown as DropdownTarget;
  for (const dropdown of dropdowns) {
    const letter = columnLetter(dropdown.column + 1);
    target.dataValidations.add(`${letter}2:${letter}${Math.max(2, lastRow)}`, {
      type: 'list',
      allowBlank: true,
      // A list of literals: quoted, comma-separated, at most 255 characters in all.
      formulae: [`"${dropdown.choices.map((c) => c.replace(/"/g, '""')).join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Not one of the choices',
      error: dropdown.hint ?? `Choose one of: ${dropdown.choices.join(', ')}.`,
    });
  }
}

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
