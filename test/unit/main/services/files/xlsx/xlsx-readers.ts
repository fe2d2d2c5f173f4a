/** Test helper: the XLSX fixtures and the readers every behaviour is checked against. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceTable } from '../../../../../../shared/table/source-table';
import { readXlsx, type ReadXlsxOptions } from '../../../../../../main/services/files/read-xlsx';
import { readXlsxWithExceljs } from './exceljs-full-reader';

/** The bytes of test/fixtures/xlsx/NAME. */
export function xlsxFixture(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../../../../fixtures/xlsx/${name}`, import.meta.url))),
  );
}

/** A way of reading a workbook into a SourceTable. */
export type XlsxReader = (
  bytes: Uint8Array,
  fileName: string,
  opts?: Pick<ReadXlsxOptions, 'sheet' | 'headerRow' | 'headerHints'>,
) => Promise<SourceTable>;

/**
 * batchline's streaming reader (as shipped, and fed 64-byte chunks so that every element
 * and multi-byte character straddles a chunk boundary somewhere) and the full reader
 * (exceljs's in-memory load) — named for `describe.each`.
 */
export const XLSX_READERS: [string, XlsxReader][] = [
  ['streaming reader', (bytes, name, opts) => readXlsx(bytes, name, opts)],
  [
    'streaming reader in 64-byte chunks',
    (bytes, name, opts) => readXlsx(bytes, name, { ...opts, chunkSize: 64 }),
  ],
  ['full reader (exceljs in memory)', readXlsxWithExceljs],
];

/** The issues of a table as `row column code` lines, easy to read in a failing test. */
export function issueLines(table: SourceTable): string[] {
  return table.issues.map((issue) => `${issue.row} ${issue.column ?? '-'} ${issue.code}`);
}

/** The cells of data row `row` (the sheet's row number). */
export function cellsOf(table: SourceTable, row: number): string[] | undefined {
  return table.rows.find((candidate) => candidate.row === row)?.cells;
}

/** The message of the first issue on `row` with `code`. */
export function messageOf(table: SourceTable, row: number, code: string): string | undefined {
  return table.issues.find((issue) => issue.row === row && issue.code === code)?.message;
}
