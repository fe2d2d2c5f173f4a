import { extname } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ExportFormat } from '../../../shared/results/export-format';
import { writeCsvFile } from './write-csv-file';
import { writeXlsxFile } from './write-xlsx-file';
import { tableSheets } from './xlsx-writer/results-workbook';

/** The output formats batchline writes, chosen by the file's extension. */
export function tableFormatOf(path: string): ExportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') {
    return 'csv';
  }
  if (ext === '.xlsx') {
    return 'xlsx';
  }
  throw new AppError('USAGE', `Cannot write ${path}: the file name must end in .csv or .xlsx.`);
}

/** Options of {@link writeTableFile}. */
export interface WriteTableOptions {
  /** The XLSX sheet's name (default "Sheet1"); CSV has none. */
  sheetName?: string;
}

/**
 * Writes a table as CSV (UTF-8 BOM, CRLF, formulas neutralised) or XLSX (string cells, bold
 * frozen filtered header), by the file's extension, streamed and atomic: a failed write
 * never leaves a half file behind.
 */
export async function writeTableFile(
  path: string,
  headers: readonly string[],
  rows: Iterable<readonly string[]>,
  options: WriteTableOptions = {},
): Promise<void> {
  if (tableFormatOf(path) === 'csv') {
    await writeCsvFile(path, headers, rows);
    return;
  }
  await writeXlsxFile(path, tableSheets({ headers, rows }, options.sheetName));
}
