/**
 * Test helper: the "full" reader — exceljs's in-memory Workbook.xlsx.load — fed into the
 * same SheetTableBuilder as batchline's streaming reader.
 *
 * exceljs parses the XML independently of batchline's scanner, so when both give the same
 * SourceTable for a fixture, the scanner read the file right. Only exceljs's value model is
 * translated here (Dates back to serials, merged cells to their stored emptiness, formula
 * results to cached values); the cell semantics are the shared ones under test.
 */
import ExcelJS from 'exceljs';
import type { SourceTable } from '../../../../../../shared/table/source-table';
import type { CellKind } from '../../../../../../main/services/files/xlsx/cell-text';
import { SheetTableBuilder } from '../../../../../../main/services/files/xlsx/sheet-table-builder';
import type { ReadXlsxOptions } from '../../../../../../main/services/files/read-xlsx';

const DAY_MS = 86_400_000;

/** Reads the sheet batchline would read (or `opts.sheet`) with exceljs's in-memory reader. */
export async function readXlsxWithExceljs(
  bytes: Uint8Array,
  fileName: string,
  opts: Pick<ReadXlsxOptions, 'sheet' | 'headerRow' | 'headerHints'> = {},
): Promise<SourceTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const wanted = opts.sheet?.trim().toLowerCase();
  const sheet =
    wanted === undefined
      ? workbook.worksheets.find((s) => s.state === 'visible')
      : workbook.worksheets.find((s) => s.name.toLowerCase() === wanted);
  if (!sheet) {
    throw new Error(`exceljs found no sheet to read in ${fileName}`);
  }
  const date1904 = workbook.properties.date1904 === true;
  const builder = new SheetTableBuilder({
    fileName,
    sheet: sheet.name,
    date1904,
    headerRow: opts.headerRow,
    headerHints: opts.headerHints,
  });
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    builder.startRow(rowNumber, row.hidden);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master.address !== cell.address) {
        return;
      }
      const numFmt = cell.numFmt || 'General';
      const value = cell.value;
      if (
        value !== null &&
        typeof value === 'object' &&
        ('formula' in value || 'sharedFormula' in value)
      ) {
        const [kind, raw] = stored(value.result, date1904);
        builder.cell(col, kind, raw, numFmt, cell.formula);
        return;
      }
      const [kind, raw] = stored(value, date1904);
      if (raw !== undefined) {
        builder.cell(col, kind, raw, numFmt);
      }
    });
    builder.endRow();
  });
  return builder.finish(sheet.model.merges);
}

/** An exceljs value as the stored kind and raw text batchline's scanner reports. */
function stored(
  value: ExcelJS.CellValue | undefined,
  date1904: boolean,
): [CellKind, string | undefined] {
  if (value === null || value === undefined) {
    return ['n', undefined];
  }
  if (typeof value === 'number') {
    return ['n', String(value)];
  }
  if (typeof value === 'string') {
    return ['s', value];
  }
  if (typeof value === 'boolean') {
    return ['b', value ? '1' : '0'];
  }
  if (value instanceof Date) {
    // exceljs turned the serial into a Date in UTC; turn it back, exactly.
    return ['n', String(value.getTime() / DAY_MS + 25569 - (date1904 ? 1462 : 0))];
  }
  if ('error' in value) {
    return ['e', value.error];
  }
  if ('richText' in value) {
    return ['s', value.richText.map((run) => run.text).join('')];
  }
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') {
      return ['s', text];
    }
    return stored(text as ExcelJS.CellValue, date1904);
  }
  return ['n', undefined];
}
