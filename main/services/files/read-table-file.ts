import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import { decodeText, type SupportedEncoding } from '../../../shared/csv/decode-text';
import { parseCsv } from '../../../shared/csv/parse-csv';
import type { SourceTable } from '../../../shared/table/source-table';
import { readXlsx } from './read-xlsx';

/** Largest file batchline reads whole; bigger ones need the streaming reader. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Options of a read: the sheet of a workbook, a delimiter or encoding that overrides detection. */
export interface ReadTableOptions {
  sheet?: string;
  delimiter?: string;
  encoding?: SupportedEncoding;
}

const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: .xls, and also any password-protected .xlsx.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

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
 * Same rules and errors as {@link readTableFile}. The format comes from the content first
 * (zip → XLSX, OLE → refused) and the extension second (.tsv → tab, .xlsx must be a zip).
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
  const isZip = startsWith(bytes, ZIP_MAGIC);
  if (ext === '.xls') {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${name}: it is an Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx or CSV UTF-8`,
    );
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${name}: it is password-protected or an old-format (.xls) workbook; remove the password or save it as .xlsx or CSV UTF-8`,
    );
  }
  if (XLSX_EXTENSIONS.has(ext) && !isZip) {
    throw new AppError(
      'PARSE_FAILED',
      `Cannot read ${name}: it is not an Excel workbook (an .xlsx file is a zip archive; this looks like text, perhaps a CSV renamed to ${ext})`,
    );
  }
  const table = isZip ? await readXlsx(bytes, name, opts.sheet) : readText(bytes, name, ext, opts);
  if (table.headers.every((header) => header.trim() === '')) {
    throw new AppError('FILE_EMPTY', `${name} is empty: it has no header row`);
  }
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

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
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
