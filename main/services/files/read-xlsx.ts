import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { HeaderHints } from '../../../shared/table/find-header-row';
import type { SourceRow, SourceTable } from '../../../shared/table/source-table';
import { readSharedStrings } from './xlsx/shared-strings-part';
import { SheetTableBuilder } from './xlsx/sheet-table-builder';
import { SheetXmlScanner, type SheetLookups } from './xlsx/sheet-xml-scanner';
import { describeSheets, pickSheet, sheetRowEstimate } from './xlsx/sheet-choice';
import { readCellFormats } from './xlsx/styles-part';
import { readWorkbookInfo, type SheetState, type WorkbookSheet } from './xlsx/workbook-info';
import { openXlsxArchive, type XlsxArchive } from './xlsx/xlsx-archive';
import { scanXmlChunks } from './xlsx/xml-chunk-scan';
import { xmlTextChunks } from './xlsx/xml-text';
import { inflateEntry } from './xlsx/zip-entry-stream';

/** A workbook's bytes, or the path of its file. */
export type XlsxInput = Uint8Array | string;

/** A worksheet as the sheet picker lists it. */
export interface XlsxSheetInfo {
  name: string;
  state: SheetState;
  /** The last row the sheet's `<dimension>` declares (title and header rows included). */
  rowCountEstimate?: number;
}

/** How to read a workbook: which sheet, where its header is, and progress and cancelling. */
export interface ReadXlsxOptions {
  /** The sheet's name (exact, else ignoring case); hidden sheets are read only when named. */
  sheet?: string | undefined;
  /** The 1-based sheet row of the header, as the admin chose it; otherwise it is detected. */
  headerRow?: number | undefined;
  /** The dataset's field names, so detection prefers the row that names them. */
  headerHints?: HeaderHints | undefined;
  /** Bytes of sheet XML handed to the scanner at a time (tests use tiny ones). */
  chunkSize?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Called as the sheet XML is read: how much of its declared size is done. */
  onProgress?: ((progress: { inflatedBytes: number; totalBytes: number }) => void) | undefined;
}

/**
 * Lists a workbook's worksheets in tab order, with their visibility and declared size.
 *
 * Reads only the zip directory, the workbook part and the first bytes of each sheet, so it
 * is quick even for a million-row workbook. Refuses what readXlsx refuses (zip bombs,
 * damaged or non-Excel files), with the same messages.
 */
export async function listXlsxSheets(
  input: XlsxInput,
  fileName = typeof input === 'string' ? basename(input) : 'workbook.xlsx',
): Promise<XlsxSheetInfo[]> {
  const archive = openXlsxArchive(await bytesOf(input, fileName), fileName);
  const sheets: XlsxSheetInfo[] = [];
  for (const sheet of readWorkbookInfo(archive).sheets) {
    const rows = await sheetRowEstimate(archive, sheet.path);
    sheets.push({
      name: sheet.name,
      state: sheet.state,
      ...(rows ? { rowCountEstimate: rows } : {}),
    });
  }
  return sheets;
}

/** A worksheet read, and its first non-empty rows (where the header may be moved to). */
export interface XlsxSheetRead {
  table: SourceTable;
  leadRows: readonly SourceRow[];
}

/**
 * Reads one worksheet of an .xlsx workbook into a SourceTable of text cells, streaming.
 *
 * The sheet is `opts.sheet`, or else the first visible one with data rows (a cover sheet or
 * an empty first tab is passed over; when no visible sheet has data rows, the first visible
 * one). Its XML is inflated and scanned a chunk at a time (a million rows in seconds, with
 * memory for the table only), after the zip directory has been checked for bombs. Cells are
 * the text Excel shows (see cellText); formulas give their saved result, merged ranges keep
 * their value in the top-left cell; hidden rows are read and warned about. Throws AppError
 * with one line naming the file: PARSE_FAILED (damaged, not a workbook, a zip bomb), USAGE
 * (no such sheet, naming the sheets), FILE_EMPTY (the sheet has no values). A header-only
 * sheet is a table with no rows: the caller decides.
 */
export async function readXlsx(
  input: XlsxInput,
  fileName: string,
  opts: ReadXlsxOptions = {},
): Promise<SourceTable> {
  return (await readXlsxSheet(input, fileName, opts)).table;
}

/** {@link readXlsx}, also giving the sheet's first rows for a "Header is on row N" choice. */
export async function readXlsxSheet(
  input: XlsxInput,
  fileName: string,
  opts: ReadXlsxOptions = {},
): Promise<XlsxSheetRead> {
  const bytes = await bytesOf(input, fileName);
  const archive = openXlsxArchive(bytes, fileName);
  const info = readWorkbookInfo(archive);
  const sheet = pickSheet(info.sheets, opts.sheet, fileName);
  const stylesXml = info.stylesPath === undefined ? undefined : archive.partText(info.stylesPath);
  const inflate = { chunkSize: opts.chunkSize, signal: opts.signal };
  const lookups = {
    formats: readCellFormats(stylesXml),
    sharedStrings: await readSharedStrings(archive, info.sharedStringsPath, inflate),
  };
  const read = (which: WorkbookSheet) => readSheet(archive, info.date1904, lookups, which, opts);
  const first = await read(sheet);
  if (opts.sheet === undefined && first.table.rows.length === 0) {
    const later = info.sheets.slice(info.sheets.indexOf(sheet) + 1);
    for (const other of later.filter((candidate) => candidate.state === 'visible')) {
      const next = await read(other);
      if (next.table.rows.length > 0) {
        return next;
      }
    }
  }
  if (first.table.headers.length === 0) {
    const others = info.sheets.filter((other) => other !== sheet);
    const hint = others.length > 0 ? `; its other sheets: ${describeSheets(others)}` : '';
    throw new AppError(
      'FILE_EMPTY',
      `${fileName} is empty: sheet "${sheet.name}" has no values${hint}`,
    );
  }
  return first;
}

/** Scans one sheet's XML into a table (empty when the sheet has no values). */
async function readSheet(
  archive: XlsxArchive,
  date1904: boolean,
  lookups: SheetLookups,
  sheet: WorkbookSheet,
  opts: ReadXlsxOptions,
): Promise<XlsxSheetRead> {
  const { bytes, fileName } = archive;
  const builder = new SheetTableBuilder({
    fileName,
    sheet: sheet.name,
    date1904,
    headerRow: opts.headerRow,
    headerHints: opts.headerHints,
  });
  const scanner = new SheetXmlScanner(lookups, builder);
  const entry = archive.entry(sheet.path);
  if (entry) {
    const inflated = inflateEntry(bytes, entry, fileName, {
      chunkSize: opts.chunkSize,
      signal: opts.signal,
    });
    const chunks = opts.onProgress ? counted(inflated, entry.size, opts.onProgress) : inflated;
    await scanXmlChunks(xmlTextChunks(chunks), (text) => scanner.scan(text), fileName, entry.name);
    scanner.finish();
  }
  return { table: builder.finish(scanner.notes.merges), leadRows: builder.leadRows() };
}

async function bytesOf(input: XlsxInput, fileName: string): Promise<Uint8Array> {
  if (typeof input !== 'string') {
    return input;
  }
  try {
    return await readFile(input);
  } catch (caught) {
    const code = (caught as { code?: unknown } | null)?.code;
    throw new AppError(
      'FILE_UNREADABLE',
      `Cannot read ${fileName}: ${code === 'ENOENT' ? 'no such file' : `the system refused (${String(code)})`}`,
      { cause: caught },
    );
  }
}

async function* counted(
  chunks: AsyncIterable<Buffer>,
  totalBytes: number,
  report: NonNullable<ReadXlsxOptions['onProgress']>,
): AsyncGenerator<Buffer> {
  let inflatedBytes = 0;
  for await (const chunk of chunks) {
    inflatedBytes += chunk.length;
    report({ inflatedBytes, totalBytes });
    yield chunk;
  }
}
