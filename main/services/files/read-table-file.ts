import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import { decodeText, type SupportedEncoding } from '../../../shared/csv/decode-text';
import { parseCsv } from '../../../shared/csv/parse-csv';
import type { HeaderHints } from '../../../shared/table/find-header-row';
import type { SourceTable } from '../../../shared/table/source-table';
import { listXlsxSheets, readXlsx, type XlsxSheetInfo } from './read-xlsx';
import { sniffTableFile } from './xlsx/workbook-sniff';
import { bufferSource, type ByteSource } from '../pipeline/byte-source';
import { readCsvTable } from '../pipeline/read-csv-table';
import { streamableText } from '../pipeline/text-source';

/** Largest file batchline reads whole; bigger ones need the streaming reader. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/**
 * Text files bigger than this are streamed (main/services/pipeline) instead of decoded whole
 * and parsed as one string: same table, a fraction of the memory (rows kept packed).
 */
export const STREAM_TEXT_BYTES = 8 * 1024 * 1024;

/** Options of a read: the sheet of a workbook, a delimiter or encoding that overrides detection. */
export interface ReadTableOptions {
  sheet?: string;
  delimiter?: string;
  encoding?: SupportedEncoding;
  /** The 1-based row of the header, as the admin chose it (XLSX; detected otherwise). */
  headerRow?: number;
  /** The dataset's field names, so header detection prefers the row naming them (XLSX). */
  headerHints?: HeaderHints;
}

/**
 * Reads a CSV, TSV, TXT or XLSX file from disk into a SourceTable.
 *
 * Throws AppError with a one-line message naming the file: FILE_UNREADABLE (missing, a
 * folder, no permission, over 200 MB), FILE_EMPTY (0 bytes or no header row), PARSE_FAILED
 * (.xls, password-protected or damaged workbooks, binary files). A header-only file is not
 * an error here: the table has no rows and the caller decides.
 */
export async function readTableFile(
  path: string,
  opts: ReadTableOptions = {},
): Promise<SourceTable> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new AppError('FILE_UNREADABLE', `Cannot read ${name}: it is a folder, not a file`);
    }
    if (info.size > MAX_FILE_BYTES) {
      throw tooLarge(name, info.size);
    }
    const text = info.size > STREAM_TEXT_BYTES ? await streamableText(path) : undefined;
    if (text) {
      return checkHeader(await streamText(text, opts), name);
    }
    bytes = await readFile(path);
  } catch (caught) {
    if (caught instanceof AppError) {
      throw caught;
    }
    throw new AppError('FILE_UNREADABLE', `Cannot read ${name}: ${reasonOf(caught)}`, {
      cause: caught,
    });
  }
  return readTableBytes(bytes, name, opts);
}

/**
 * Reads a file's bytes (an upload from the renderer) into a SourceTable.
 *
 * Same rules and errors as {@link readTableFile}. The format comes from the content, not the
 * name (see sniffTableFile): a zip is read as XLSX, text as CSV even when named .xlsx or
 * .xls (HR systems export CSV under Excel names); OLE files (.xls, password-protected
 * workbooks) and web pages named .xls are refused. The extension only picks tab for .tsv.
 */
export async function readTableBytes(
  bytes: Uint8Array,
  fileName: string,
  opts: ReadTableOptions = {},
): Promise<SourceTable> {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  if (bytes.length === 0) {
    throw new AppError('FILE_EMPTY', `${name} is empty`);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw tooLarge(name, bytes.length);
  }
  const ext = extensionOf(name);
  const table =
    sniffTableFile(bytes, name, ext) === 'xlsx'
      ? await readXlsx(bytes, name, {
          sheet: opts.sheet,
          headerRow: opts.headerRow,
          headerHints: opts.headerHints,
        })
      : bytes.length > STREAM_TEXT_BYTES
        ? await streamText(bufferSource(bytes, name), opts)
        : readText(bytes, name, ext, opts);
  return checkHeader(table, name);
}

function checkHeader(table: SourceTable, name: string): SourceTable {
  if (table.headers.every((header) => header.trim() === '')) {
    throw new AppError('FILE_EMPTY', `${name} is empty: it has no header row`);
  }
  return table;
}

/** readText by streaming: the same table (rows kept packed), no whole-file string. */
async function streamText(source: ByteSource, opts: ReadTableOptions): Promise<SourceTable> {
  const delimiter = opts.delimiter ?? (extensionOf(source.name) === '.tsv' ? '\t' : undefined);
  const { table } = await readCsvTable(source, {
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(delimiter ? { delimiter } : {}),
  });
  return table;
}

function readText(
  bytes: Uint8Array,
  name: string,
  ext: string,
  opts: ReadTableOptions,
): SourceTable {
  const decoded = decodeText(bytes, opts.encoding);
  if (decoded.text.includes('\u0000')) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${name}: it is not a text file (it contains binary data); batchline reads CSV, TSV and .xlsx files`,
    );
  }
  const delimiter = opts.delimiter ?? (ext === '.tsv' ? '\t' : undefined);
  const table = parseCsv(decoded.text, name, delimiter ? { delimiter } : {});
  return { ...table, encoding: decoded.encoding };
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * The worksheets of a workbook for the sheet picker, in tab order with their visibility;
 * none for a text file. Reads only the workbook's directory and the start of each sheet.
 */
export async function listTableSheets(
  bytes: Uint8Array,
  fileName: string,
): Promise<XlsxSheetInfo[]> {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  return sniffTableFile(bytes, name, extensionOf(name)) === 'xlsx'
    ? listXlsxSheets(bytes, name)
    : [];
}

function tooLarge(name: string, size: number): AppError {
  const mb = (size / 1024 / 1024).toFixed(0);
  return new AppError(
    'FILE_UNREADABLE',
    `Cannot read ${name}: it is ${mb} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit; split it into smaller files`,
  );
}

function reasonOf(caught: unknown): string {
  const code = (caught as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EBUSY':
      return 'it is locked by another program (close it in Excel and try again)';
    default:
      return typeof code === 'string'
        ? `the system refused (${code})`
        : 'the file could not be read';
  }
}
