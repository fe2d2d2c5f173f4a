import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { toCsv } from '../../../shared/csv/write-csv';
import { writeFileAtomic } from '../runs/run-files';

/** The output formats batchline writes, chosen by the file's extension. */
export function tableFormatOf(path: string): 'csv' | 'xlsx' {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') {
    return 'csv';
  }
  if (ext === '.xlsx') {
    return 'xlsx';
  }
  throw new AppError('USAGE', `Cannot write ${path}: the file name must end in .csv or .xlsx.`);
}

/** Builds an XLSX workbook in memory: every cell a string, header frozen and filtered. */
export async function xlsxBytes(
  headers: string[],
  rows: string[][],
  sheetName = 'Sheet1',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) {
    // Strings stay strings: exceljs writes a JS string as a text cell, so "0012" and
    // "+14155550100" survive and nothing is read back as a formula.
    sheet.addRow(row);
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: Math.max(1, headers.length) },
  };
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(
      headers[index]?.length ?? 0,
      ...rows.slice(0, 200).map((row) => row[index]?.length ?? 0),
    );
    column.width = Math.min(50, Math.max(10, longest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Writes a table as CSV (UTF-8 BOM, CRLF, formulas neutralised) or XLSX, atomically:
 * a failed write never leaves a half file behind.
 */
export async function writeTableFile(
  path: string,
  headers: string[],
  rows: string[][],
): Promise<void> {
  const format = tableFormatOf(path);
  if (format === 'csv') {
    await writeFileAtomic(path, toCsv(headers, rows));
    return;
  }
  await writeFileAtomic(path, await xlsxBytes(headers, rows));
}
