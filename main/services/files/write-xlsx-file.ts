import { writeFileStreamAtomic } from './write-file-stream';
import type { XlsxSheetSpec } from './xlsx-writer/xlsx-sheet';
import { writeWorkbook } from './xlsx-writer/xlsx-workbook';

/**
 * Writes a workbook to disk, streamed and atomic: a temp file beside `path`, fsynced, then
 * renamed over it, so a crash or a full disk never leaves half a workbook under the name.
 */
export async function writeXlsxFile(path: string, sheets: readonly XlsxSheetSpec[]): Promise<void> {
  await writeFileStreamAtomic(path, (out) => writeWorkbook(out, sheets));
}
