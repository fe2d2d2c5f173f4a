import { toCsv } from '../../../shared/csv/write-csv';
import type { ExportedFile } from '../../../shared/ipc/contract';
import { EXPORT_MIME_TYPES } from '../../../shared/results/export-format';
import type { XlsxSheetSpec } from './xlsx-writer/xlsx-sheet';
import { xlsxBuffer } from './xlsx-writer/xlsx-workbook';

/**
 * A CSV file for the app to download, as text: the same bytes `batchline … --out x.csv`
 * writes (BOM, CRLF, formulas neutralised).
 */
export function csvDownload(
  fileName: string,
  headers: readonly string[],
  rows: Iterable<readonly string[]>,
): ExportedFile {
  return {
    fileName,
    mimeType: EXPORT_MIME_TYPES.csv,
    encoding: 'utf8',
    content: toCsv(headers, rows),
  };
}

/**
 * An XLSX file for the app to download, as base64: the same workbook the CLI writes, built
 * in memory (an app download is one run's rows, not a stream to disk).
 */
export async function xlsxDownload(
  fileName: string,
  sheets: readonly XlsxSheetSpec[],
): Promise<ExportedFile> {
  const bytes = await xlsxBuffer(sheets);
  return {
    fileName,
    mimeType: EXPORT_MIME_TYPES.xlsx,
    encoding: 'base64',
    content: bytes.toString('base64'),
  };
}
