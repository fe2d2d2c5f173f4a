import { AppError } from '../../../shared/errors';
import type { HeaderHints } from '../../../shared/table/find-header-row';
import { headerRowChoices, type HeaderRowChoice } from '../../../shared/table/header-row-choices';
import type { SourceTable } from '../../../shared/table/source-table';
import { listXlsxSheets, readXlsxSheet, type XlsxSheetInfo } from './read-xlsx';
import { MAX_FILE_BYTES } from './read-table-file';
import { sniffTableFile } from './xlsx/workbook-sniff';

/** A worksheet as the File panel's Sheet select lists it. */
export interface WorkbookSheetView {
  name: string;
  state: XlsxSheetInfo['state'];
  rowEstimate?: number;
}

/** A workbook upload as import:open shows it: the sheet read, the sheets and header rows. */
export interface OpenedWorkbook {
  table: SourceTable;
  decoding: Record<string, never>;
  headerChoices: HeaderRowChoice[];
  sheets: WorkbookSheetView[];
}

/** What the admin chose (absent: as detected), and the dataset's names for the header. */
export interface WorkbookChoices {
  sheet?: string | undefined;
  headerRow?: number | undefined;
  headerHints: HeaderHints;
}

/**
 * import:open for a workbook: the sheet chosen (else the first visible one with data rows,
 * as the CLI picks it), its header row (chosen, else detected with the dataset's names), the
 * rows the header may be moved to, and every worksheet in tab order with its visibility and
 * declared size, so the File panel can offer the others. Undefined for what is not a
 * workbook (text, or a file too big to read): the caller reads it as before.
 *
 * Refuses as readXlsx does: an unknown sheet with USAGE naming the workbook and its sheets
 * (hidden ones labelled), an empty sheet with FILE_EMPTY.
 */
export async function openWorkbookUpload(
  bytes: Uint8Array,
  fileName: string,
  choices: WorkbookChoices,
): Promise<OpenedWorkbook | undefined> {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  if (bytes.length === 0 || bytes.length > MAX_FILE_BYTES) {
    return undefined;
  }
  if (sniffTableFile(bytes, name, ext) !== 'xlsx') {
    return undefined;
  }
  const sheets = await listXlsxSheets(bytes, name);
  const { table, leadRows } = await readXlsxSheet(bytes, name, {
    sheet: choices.sheet,
    headerRow: choices.headerRow,
    headerHints: choices.headerHints,
  });
  if (table.headers.length > 0 && table.headers.every((header) => header.trim() === '')) {
    throw new AppError('FILE_EMPTY', `${name} is empty: it has no header row`);
  }
  return {
    table,
    decoding: {},
    headerChoices: headerRowChoices(leadRows),
    sheets: sheets.map(({ name: sheetName, state, rowCountEstimate }) => ({
      name: sheetName,
      state,
      ...(rowCountEstimate !== undefined ? { rowEstimate: rowCountEstimate } : {}),
    })),
  };
}
