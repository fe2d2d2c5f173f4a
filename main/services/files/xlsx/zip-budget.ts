import { AppError } from '../../../../shared/errors';
import type { ZipEntry } from '../zip-guard';

/**
 * What a workbook may inflate to. The sheet itself is streamed, so its size costs time, not
 * memory; the parts read whole (workbook, styles, relationships) and the shared strings
 * (kept for the whole read) get tighter limits.
 */
export const XLSX_LIMITS = {
  /** Real workbooks hold tens of files; thousands are a crafted archive. */
  maxEntries: 10_000,
  /** Excel's largest sheet (1,048,576 rows of dozens of columns) stays well under this. */
  maxInflatedBytes: 3 * 1024 ** 3,
  /** Sheet XML compresses 8-20 times (styled empty rows ~15); deflate's ceiling is ~1030. */
  maxRatio: 100,
  /** Small entries are not judged by ratio: a tiny repetitive part can compress well. */
  ratioFloorBytes: 8 * 1024 ** 2,
  /** workbook.xml, styles.xml and relationships are inflated whole. */
  maxPartBytes: 64 * 1024 ** 2,
  /** Shared strings are held in memory while the sheet is read. */
  maxSharedStringsBytes: 512 * 1024 ** 2,
} as const;

/**
 * Refuses an archive whose central directory promises more than a workbook can be.
 *
 * Runs before anything is inflated, so a zip bomb (416 KB that expands to 400 MB of sheet
 * XML) is refused in milliseconds. An entry that lies about its size is caught while it is
 * inflated (see inflateEntry). Throws PARSE_FAILED with a one-line message naming the file.
 */
export function assertWorkbookBudget(entries: readonly ZipEntry[], fileName: string): void {
  if (entries.length > XLSX_LIMITS.maxEntries) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: it holds ${entries.length} files, more than any workbook (limit ${XLSX_LIMITS.maxEntries}); it is not a normal .xlsx file`,
    );
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > XLSX_LIMITS.ratioFloorBytes && ratio > XLSX_LIMITS.maxRatio) {
      throw new AppError(
        'PARSE_FAILED',
        `Cannot read ${fileName}: it looks like a zip bomb (${entry.name} would expand from ${size(entry.compressedSize)} to ${size(entry.size)}, ${Math.round(ratio)} times; real workbooks expand at most ${XLSX_LIMITS.maxRatio} times)`,
        { details: { entry: entry.name, compressedSize: entry.compressedSize, size: entry.size } },
      );
    }
  }
  if (!(total <= XLSX_LIMITS.maxInflatedBytes)) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${fileName}: it would expand to ${Number.isFinite(total) ? size(total) : 'an unknown size'}, over the ${size(XLSX_LIMITS.maxInflatedBytes)} limit; save the sheet as CSV instead`,
    );
  }
}

/** A byte count the way an admin reads it. */
export function size(bytes: number): string {
  if (bytes >= 1024 ** 3) {
    return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  }
  if (bytes >= 1024 ** 2) {
    return `${Math.round(bytes / 1024 ** 2)} MB`;
  }
  return bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`;
}
