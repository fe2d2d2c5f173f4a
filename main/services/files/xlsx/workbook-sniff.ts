import { AppError } from '../../../../shared/errors';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: .xls, and also every password-protected .xlsx (Office wraps the
// encrypted workbook in one, as a stream named "EncryptedPackage").
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const EXCEL_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.xls']);

/** What a file's first bytes say it is, for the formats batchline reads. */
export type TableFileKind = 'xlsx' | 'text';

/**
 * Decides from the content, not the name, whether a file is a workbook or text.
 *
 * A zip is read as .xlsx whatever its name. A text file is read as CSV even when named
 * .xlsx or .xls: HR and payroll systems often export CSV or tab-separated text under an
 * Excel name, and the admin wants the rows, not a lecture on extensions. What cannot be
 * read is refused with a one-line PARSE_FAILED naming the file and the way out:
 * password-protected workbooks, Excel 97-2003 .xls, and web pages or Excel 2003 XML saved
 * under an Excel name.
 */
export function sniffTableFile(bytes: Uint8Array, name: string, ext: string): TableFileKind {
  if (startsWith(bytes, ZIP_MAGIC)) {
    return 'xlsx';
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new AppError('PARSE_FAILED', `Cannot read ${name}: ${oleReason(bytes, ext)}`);
  }
  if (EXCEL_EXTENSIONS.has(ext)) {
    const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF?\s*/, '');
    if (/^<\?xml[^>]*>\s*<\?mso-application|<Workbook\s/i.test(head.slice(0, 300))) {
      throw new AppError(
        'PARSE_FAILED',
        `Cannot read ${name}: it is an Excel 2003 XML spreadsheet; open it in Excel and save it as .xlsx or CSV UTF-8`,
      );
    }
    if (/^<(!doctype html|html|table|meta|head|body)[\s>]/i.test(head)) {
      throw new AppError(
        'PARSE_FAILED',
        `Cannot read ${name}: it is a web page (HTML) saved with an Excel name; open it in Excel and save it as .xlsx or CSV UTF-8`,
      );
    }
  }
  return 'text';
}

function oleReason(bytes: Uint8Array, ext: string): string {
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE)) {
    return 'it is password-protected; save it without a password (File › Info › Protect Workbook › Encrypt with Password, clear it) and open it again';
  }
  if (ext !== '.xls' && EXCEL_EXTENSIONS.has(ext)) {
    // Too short or odd to see inside: both causes are named, with both ways out.
    return 'it is password-protected or an Excel 97-2003 (.xls) workbook; remove the password, or save it as .xlsx or CSV UTF-8';
  }
  return 'it is an Excel 97-2003 (.xls) workbook or another old Office file; open it in Excel and save it as .xlsx or CSV UTF-8';
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
