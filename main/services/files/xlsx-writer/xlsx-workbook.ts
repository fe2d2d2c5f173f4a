import { Writable } from 'node:stream';
import { writeSheet, type XlsxSheetSpec } from './xlsx-sheet';

// exceljs takes ~0.2 s to load, a fifth of `batchline validate` on 100k rows and most of
// the CLI's start-up: it is loaded the first time a workbook is written, not at start.
type ExcelJsModule = typeof import('exceljs');
let exceljs: Promise<ExcelJsModule> | undefined;
const loadExcelJs = (): Promise<ExcelJsModule> =>
  (exceljs ??= import('exceljs').then(
    // A CommonJS module: under node's ESM loader its exports are the default export.
    (loaded) => (loaded as ExcelJsModule & { default?: ExcelJsModule }).default ?? loaded,
  ));

/**
 * Streams a workbook of `sheets`, in order, to `out` with exceljs's streaming writer, and
 * resolves once `out` has finished (exceljs ends it).
 *
 * Inline strings, not shared strings: a shared-strings table keeps every distinct value in
 * memory until the end (1M rows took 51 s and 4.5 GB, PERFORMANCE.md). Styles on, for the
 * bold header and the status colours.
 */
export async function writeWorkbook(
  out: Writable,
  sheets: readonly XlsxSheetSpec[],
): Promise<void> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  workbook.creator = 'batchline';
  // exceljs stamps the creation time; a fixed one would make files reproducible, but the
  // admin expects "created" to mean when the export was made.
  for (const sheet of sheets) {
    // One sheet at a time: the zip takes its entries in order, so a sheet opened early would
    // hold every row of the one before it in memory.
    await writeSheet(workbook, sheet);
  }
  await workbook.commit();
}

/**
 * The same workbook as bytes in memory, for replies that carry the file (an app download).
 */
export async function xlsxBuffer(sheets: readonly XlsxSheetSpec[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeWorkbook(sink, sheets);
  return Buffer.concat(chunks);
}
