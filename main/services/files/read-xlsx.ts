import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import type { RowIssue } from '../../../shared/table/row-issue';
import type { SourceRow, SourceTable } from '../../../shared/table/source-table';
import { raggedRowIssue } from '../../../shared/table/ragged-row';
import { cellText } from './xlsx-cell-text';
import { readZipInventory } from './zip-guard';

/**
 * Largest total a workbook may inflate to. exceljs's in-memory reader needs several times
 * this in RAM, so bigger sheets wait for the streaming reader instead of crashing the app.
 */
export const MAX_XLSX_INFLATED_BYTES = 250 * 1024 * 1024;

/**
 * Reads one sheet of an .xlsx workbook into a SourceTable of text cells.
 *
 * The sheet is `sheetName` (exact, else case-insensitive) or the first visible one: hidden
 * sheets are read only when named. The header is the first non-empty row; `row` is Excel's
 * row number. Cells become the text Excel shows for the common cases (see cellText); empty
 * rows are skipped and counted. Zip bombs are refused from the archive's directory before
 * anything is inflated.
 */
export async function readXlsx(
  bytes: Uint8Array,
  fileName: string,
  sheetName?: string,
): Promise<SourceTable> {
  const inventory = readZipInventory(bytes);
  if (!inventory) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: it is not a valid .xlsx workbook (the zip archive is damaged or truncated)`,
    );
  }
  if (inventory.inflatedBytes > MAX_XLSX_INFLATED_BYTES) {
    const mb = Math.round(inventory.inflatedBytes / 1024 / 1024);
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: it would expand to ${Number.isFinite(mb) ? `${mb} MB` : 'an unknown size'}, over the ${MAX_XLSX_INFLATED_BYTES / 1024 / 1024} MB limit; save the sheet as CSV instead`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as its own ArrayBuffer-shaped Buffer; JSZip takes a Node Buffer.
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (caught) {
    const reason = caught instanceof Error ? (caught.message.split('\n')[0] ?? '') : String(caught);
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: it is damaged or not a real .xlsx workbook (${reason})`,
      { cause: caught },
    );
  }
  const sheet = pickSheet(workbook, fileName, sheetName);
  return readSheet(sheet, fileName);
}

function pickSheet(
  workbook: ExcelJS.Workbook,
  fileName: string,
  wanted: string | undefined,
): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  if (wanted !== undefined) {
    const lower = wanted.trim().toLowerCase();
    const found =
      sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => s.name.trim().toLowerCase() === lower);
    if (!found) {
      const names = sheets
        .map((s) => (s.state === 'visible' ? s.name : `${s.name} (hidden)`))
        .join(', ');
      throw new AppError(
        'PARSE_FAILED',
        `${fileName} has no sheet named "${wanted}"; its sheets are: ${names || 'none'}`,
      );
    }
    return found;
  }
  const visible = sheets.find((s) => s.state === 'visible');
  if (!visible) {
    throw new AppError(
      'PARSE_FAILED',
      `${fileName} has no visible sheet; name the one to read (--sheet NAME)`,
    );
  }
  return visible;
}

function readSheet(sheet: ExcelJS.Worksheet, fileName: string): SourceTable {
  const rows: SourceRow[] = [];
  const issues: RowIssue[] = [];
  let headers: string[] | undefined;
  let headerRow = 1;
  let skippedEmpty = 0;
  let lastRow = 0;

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const problems: { column: number; message: string }[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const { text, problem } = cellText(row.getCell(c));
      cells.push(text);
      if (problem) {
        problems.push({ column: c, message: problem });
      }
    }
    while (cells.length > 0 && cells[cells.length - 1]?.trim() === '') {
      cells.pop();
    }
    if (cells.length === 0) {
      if (headers) {
        skippedEmpty++;
      }
      return;
    }
    if (!headers) {
      headers = cells;
      headerRow = rowNumber;
      lastRow = rowNumber;
      return;
    }
    // Rows Excel shows as blank between data rows count as skipped, like blank CSV lines.
    skippedEmpty += Math.max(0, rowNumber - lastRow - 1);
    lastRow = rowNumber;
    // Short rows are normal in a workbook (empty trailing cells are not stored); only
    // content past the last header is a problem.
    const ragged =
      cells.length > headers.length ? raggedRowIssue(rowNumber, cells, headers.length) : undefined;
    if (ragged) {
      issues.push(ragged);
    }
    while (cells.length < headers.length) {
      cells.push('');
    }
    for (const { column, message } of problems) {
      const header = headers[column - 1];
      issues.push({
        row: rowNumber,
        column: header ?? null,
        code: 'CELL_ERROR',
        message: `Row ${rowNumber}, column ${header ? `"${header}"` : column}: ${message}`,
        severity: 'error',
      });
    }
    rows.push({ row: rowNumber, cells });
  });

  return {
    fileName,
    format: 'xlsx',
    sheet: sheet.name,
    headerRow,
    headers: headers ?? [],
    rows,
    issues,
    skippedEmpty,
  };
}
