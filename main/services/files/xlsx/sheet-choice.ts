import { AppError } from '../../../../shared/errors';
import { parseRange } from './sheet-notes';
import type { WorkbookSheet } from './workbook-info';
import type { XlsxArchive } from './xlsx-archive';
import { attr, xmlTextChunks } from './xml-text';
import { inflateEntry } from './zip-entry-stream';

/** How far into a sheet's XML the `<dimension>` is looked for; it comes before the rows. */
const DIMENSION_SCAN_CHARS = 64 * 1024;

/**
 * The sheet to read: the one named (exactly, else ignoring case and surrounding spaces),
 * or the first visible one (readXlsx moves on to the next visible one with data rows when it
 * has none). Hidden and very hidden sheets are never chosen by default: an admin who cannot
 * see a sheet in Excel does not expect its rows to be imported.
 */
export function pickSheet(
  sheets: readonly WorkbookSheet[],
  wanted: string | undefined,
  fileName: string,
): WorkbookSheet {
  if (sheets.length === 0) {
    throw new AppError('FILE_EMPTY', `${fileName} is empty: it has no worksheets`);
  }
  if (wanted !== undefined) {
    const folded = wanted.trim().toLowerCase();
    const found =
      sheets.find((sheet) => sheet.name === wanted) ??
      sheets.find((sheet) => sheet.name.trim().toLowerCase() === folded);
    if (!found) {
      throw new AppError(
        'USAGE',
        `No sheet "${wanted}" in ${fileName}; sheets: ${describeSheets(sheets)}`,
      );
    }
    return found;
  }
  const visible = sheets.find((sheet) => sheet.state === 'visible');
  if (!visible) {
    throw new AppError(
      'USAGE',
      `${fileName} has no visible sheet; choose one by name: ${describeSheets(sheets)}`,
    );
  }
  return visible;
}

/** `Users, Old (hidden), Lookups (very hidden)`: sheet names as the picker labels them. */
export function describeSheets(sheets: readonly WorkbookSheet[]): string {
  return sheets
    .map((sheet) =>
      sheet.state === 'hidden'
        ? `${sheet.name} (hidden)`
        : sheet.state === 'veryHidden'
          ? `${sheet.name} (very hidden)`
          : sheet.name,
    )
    .join(', ');
}

/**
 * The last row a sheet's `<dimension>` declares, read from the first bytes of its XML
 * without reading the rows; undefined when the writer left it out.
 */
export async function sheetRowEstimate(
  archive: XlsxArchive,
  path: string,
): Promise<number | undefined> {
  const entry = archive.entry(path);
  if (!entry) {
    return undefined;
  }
  let head = '';
  for await (const text of xmlTextChunks(
    inflateEntry(archive.bytes, entry, archive.fileName, { chunkSize: 16 * 1024 }),
  )) {
    head += text;
    const at = head.search(/<([A-Za-z0-9_]+:)?dimension[\s/>]/);
    const end = at < 0 ? -1 : head.indexOf('>', at);
    if (end >= 0) {
      const ref = attr(head.slice(at, end + 1), 'ref');
      return ref === undefined ? undefined : parseRange(ref.split(':').pop() ?? '')?.bottom;
    }
    if (head.length > DIMENSION_SCAN_CHARS || /<([A-Za-z0-9_]+:)?sheetData[\s>]/.test(head)) {
      return undefined;
    }
  }
  return undefined;
}
